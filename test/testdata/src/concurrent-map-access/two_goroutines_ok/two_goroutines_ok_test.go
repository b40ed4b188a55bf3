package two_goroutines_ok

import "testing"

func TestRun(t *testing.T) {
	if got := Run(); got != 0 {
		t.Fatalf("Run left %d jobs, want 0", got)
	}
}
