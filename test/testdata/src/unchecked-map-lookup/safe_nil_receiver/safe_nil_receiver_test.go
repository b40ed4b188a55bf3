package safe_nil_receiver

import "testing"

func TestSizes(t *testing.T) {
	trees := map[string]*Node{"a": {size: 3}}
	sizes, kinds := Sizes(trees, []string{"a", "b"})
	if len(sizes) != 2 || sizes[0] != 3 || sizes[1] != 0 || kinds[1] != "node" {
		t.Fatalf("Sizes = %v %v", sizes, kinds)
	}
}
