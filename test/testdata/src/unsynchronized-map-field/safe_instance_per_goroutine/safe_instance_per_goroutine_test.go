package safe_instance_per_goroutine

import "testing"

func TestDistinctPerLine(t *testing.T) {
	got := DistinctPerLine([][]string{{"a", "b", "a"}, {"c"}})
	if got[0] != 2 || got[1] != 1 {
		t.Fatalf("DistinctPerLine = %v", got)
	}
}
