package nested_goroutine_ok

import "testing"

func TestResolve(t *testing.T) {
	if got := Resolve([]string{"db", "cache"}); got != 3 {
		t.Fatalf("Resolve = %d, want 3", got)
	}
}
