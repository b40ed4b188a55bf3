package safe_once

import "testing"

func TestSum(t *testing.T) {
	if got := Sum([]string{"one", "two", "two"}); got != 5 {
		t.Fatalf("Sum = %d, want 5", got)
	}
}
