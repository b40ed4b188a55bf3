package mutex_per_iteration

import "testing"

func TestTally(t *testing.T) {
	Tally([]string{"yes", "no", "yes"})
}
