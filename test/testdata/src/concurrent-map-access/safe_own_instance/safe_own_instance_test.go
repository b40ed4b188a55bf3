package safe_own_instance

import "testing"

func TestBuild(t *testing.T) {
	h := Build([]int{1, 5, 12, 18, 25, 31, 33}, 3)
	if h.buckets[0] != 2 || h.buckets[1] != 2 || h.buckets[3] != 2 {
		t.Fatalf("buckets = %v", h.buckets)
	}
}
