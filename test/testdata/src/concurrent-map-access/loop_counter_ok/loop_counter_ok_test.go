package loop_counter_ok

import "testing"

func TestCount(t *testing.T) {
	if got := Count([]string{"go", "map", "go", "race"}, "go"); got != 2 {
		t.Fatalf("Count = %d, want 2", got)
	}
}
