package locked_helper

import "testing"

func TestRun(t *testing.T) {
	Run([]string{"a", "b"})
}
