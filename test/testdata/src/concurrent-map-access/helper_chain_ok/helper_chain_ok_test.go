package helper_chain_ok

import "testing"

func TestVisit(t *testing.T) {
	Visit([]string{"a", "b"}, "a")
}
