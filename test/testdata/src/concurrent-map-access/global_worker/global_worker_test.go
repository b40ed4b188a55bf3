package global_worker

import "testing"

func TestNames(t *testing.T) {
	Names([]string{"alpha", "beta"})
}
