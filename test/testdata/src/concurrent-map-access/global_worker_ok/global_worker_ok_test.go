package global_worker_ok

import "testing"

func TestNames(t *testing.T) {
	if got := Names([]string{"alpha", "beta"}); len(got) != 2 {
		t.Fatalf("Names = %v, want 2 names", got)
	}
}
