package mutex_per_iteration_ok

import "testing"

func TestTally(t *testing.T) {
	if got := Tally([]string{"yes", "no", "yes"}); got != 2 {
		t.Fatalf("Tally = %d, want 2", got)
	}
}
