package loop_counter

import "testing"

func TestCount(t *testing.T) {
	Count([]string{"go", "map", "go", "race"}, "go")
}
