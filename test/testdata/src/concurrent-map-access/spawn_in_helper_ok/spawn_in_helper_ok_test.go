package spawn_in_helper_ok

import "testing"

func TestCount(t *testing.T) {
	if got := Count([]string{"click", "view"}); got != 3 {
		t.Fatalf("Count = %d, want 3", got)
	}
}
