package spawn_in_helper

import "testing"

func TestCount(t *testing.T) {
	Count([]string{"click", "view"})
}
