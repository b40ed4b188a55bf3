package safe_struct_values

import "testing"

func TestDist(t *testing.T) {
	points := map[string]Point{"a": {X: -1, Y: 2}}
	if Dist(points, "a") != 3 || Dist(points, "b") != 0 {
		t.Fatal("wrong distance")
	}
}
