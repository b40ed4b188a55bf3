package start_gate

import "testing"

func TestWarm(t *testing.T) {
	Warm([]string{"a", "b"})
}
