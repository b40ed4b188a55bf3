package compound_assign_ok

import "testing"

func TestTotal(t *testing.T) {
	if got := Total([]Sale{{"eu", 1}, {"us", 2}, {"eu", 3}}, "eu"); got != 4 {
		t.Fatalf("Total = %d, want 4", got)
	}
}
