package two_goroutines

import "testing"

func TestRun(t *testing.T) {
	Run()
}
