package safe_fan_in

import "testing"

func TestLengths(t *testing.T) {
	if got := Lengths([]string{"go", "map", "go"}); got != 5 {
		t.Fatalf("Lengths = %d, want 5", got)
	}
}
