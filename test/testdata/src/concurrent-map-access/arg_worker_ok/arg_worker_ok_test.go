package arg_worker_ok

import "testing"

func TestDedup(t *testing.T) {
	if got := Dedup([]string{"a", "b"}, []string{"b", "c"}); got != 3 {
		t.Fatalf("Dedup = %d, want 3", got)
	}
}
