package untracked_goroutine_ok

import "testing"

func TestServe(t *testing.T) {
	if got := Serve([]string{"ann", "bob"}); got != 4 {
		t.Fatalf("Serve = %d, want 4", got)
	}
}
