package stats_counter

import "testing"

func TestRun(t *testing.T) {
	Run(NewStats("web"), []string{"click", "click", "view"})
}
