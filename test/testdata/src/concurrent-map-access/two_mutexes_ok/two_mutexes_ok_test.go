package two_mutexes_ok

import "testing"

func TestTrack(t *testing.T) {
	Track("click", "view")
}
