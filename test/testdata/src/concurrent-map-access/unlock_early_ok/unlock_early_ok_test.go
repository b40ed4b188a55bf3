package unlock_early_ok

import "testing"

func TestBump(t *testing.T) {
	if got := Bump([]string{"a", "b", "a"}); got != 2 {
		t.Fatalf("Bump = %d, want 2", got)
	}
}
