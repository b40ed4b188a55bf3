package safe_shadowed

import "testing"

func TestLetters(t *testing.T) {
	if got := Letters("aab"); got != 3 {
		t.Fatalf("Letters = %d, want 3", got)
	}
}
