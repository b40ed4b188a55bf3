package safe_map_per_iteration

import "testing"

func TestDistinct(t *testing.T) {
	if got := Distinct([][]string{{"a", "b", "a"}, {"c"}}); got != 3 {
		t.Fatalf("Distinct = %d, want 3", got)
	}
}
