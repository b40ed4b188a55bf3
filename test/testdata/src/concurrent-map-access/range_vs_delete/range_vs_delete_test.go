package range_vs_delete

import "testing"

func TestEvict(t *testing.T) {
	Evict(map[string]int{"a": 1, "b": 2}, "a")
}
