package wg_wrong_place_ok

import "testing"

func TestSumSquares(t *testing.T) {
	if got := SumSquares(3); got != 14 {
		t.Fatalf("SumSquares = %d, want 14", got)
	}
}
