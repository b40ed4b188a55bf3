package quit_not_wait_ok

import "testing"

func TestProcess(t *testing.T) {
	if got := Process([]string{"a", "b", "a"}); got != 2 {
		t.Fatalf("Process = %d, want 2", got)
	}
}
