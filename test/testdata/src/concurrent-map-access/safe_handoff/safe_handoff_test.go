package safe_handoff

import "testing"

func TestIndex(t *testing.T) {
	if got := Index([]string{"a", "b"}); got != 5 {
		t.Fatalf("Index = %d, want 5", got)
	}
}
