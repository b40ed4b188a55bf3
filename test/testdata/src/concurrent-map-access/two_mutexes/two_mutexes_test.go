package two_mutexes

import "testing"

func TestTrack(t *testing.T) {
	Track("click", "view")
}
