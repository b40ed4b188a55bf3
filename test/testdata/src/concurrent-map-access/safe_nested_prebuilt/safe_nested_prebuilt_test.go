package safe_nested_prebuilt

import "testing"

func TestCountByShard(t *testing.T) {
	got := CountByShard(map[string][]string{
		"a": {"go", "map", "go"},
		"b": {"go", "race"},
	})
	if got["a"]["go"] != 2 || got["b"]["go"] != 1 || got["b"]["race"] != 1 {
		t.Fatalf("CountByShard = %v", got)
	}
}
