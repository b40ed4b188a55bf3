package range_vs_delete_ok

import "testing"

func TestEvict(t *testing.T) {
	cache := map[string]int{"a": 1, "b": 2}
	if got := Evict(cache, "a"); len(got) != 2 || len(cache) != 1 {
		t.Fatalf("Evict = %v, cache %v", got, cache)
	}
}
