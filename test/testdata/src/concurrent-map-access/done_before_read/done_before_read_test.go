package done_before_read

import "testing"

func TestFirstLength(t *testing.T) {
	FirstLength("the quick brown fox")
}
