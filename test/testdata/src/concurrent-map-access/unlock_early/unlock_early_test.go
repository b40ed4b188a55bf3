package unlock_early

import "testing"

func TestBump(t *testing.T) {
	Bump([]string{"a", "b", "a"})
}
