package locked_helper_ok

import "testing"

func TestRun(t *testing.T) {
	if got := Run([]string{"a", "b"}); got != 3 {
		t.Fatalf("Run = %d, want 3", got)
	}
}
