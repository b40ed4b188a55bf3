package safe_prune

import "testing"

func TestPrune(t *testing.T) {
	if got := Prune(map[string]int{"a": 0, "b": 2, "c": 0}); got != 1 {
		t.Fatalf("Prune = %d, want 1", got)
	}
}
