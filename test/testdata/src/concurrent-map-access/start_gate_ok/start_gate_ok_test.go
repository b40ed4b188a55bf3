package start_gate_ok

import "testing"

func TestWarm(t *testing.T) {
	if got := Warm([]string{"a", "b"}); got != 3 {
		t.Fatalf("Warm = %d, want 3", got)
	}
}
