package safe_not_syncmap

import "testing"

func TestLoadOrCreate(t *testing.T) {
	tb := &Table{m: map[string]int{}}
	if got := tb.LoadOrCreate("a", 1); got != 1 {
		t.Fatalf("first = %d", got)
	}
	if got := tb.LoadOrCreate("a", 2); got != 1 {
		t.Fatalf("second = %d", got)
	}
}
