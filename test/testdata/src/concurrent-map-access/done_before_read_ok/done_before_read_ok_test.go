package done_before_read_ok

import "testing"

func TestFirstLength(t *testing.T) {
	if got := FirstLength("the quick brown fox"); got != 3 {
		t.Fatalf("FirstLength = %d, want 3", got)
	}
}
