package helper_chain

import "testing"

func TestVisit(t *testing.T) {
	Visit([]string{"a", "b"}, "a")
}
