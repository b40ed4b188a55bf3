package stats_counter_ok

import "testing"

func TestRun(t *testing.T) {
	s := NewStats("web")
	Run(s, []string{"click", "click", "view"})
	if n := s.Count("click"); n != 2 {
		t.Fatalf("Count(click) = %d, want 2", n)
	}
}
