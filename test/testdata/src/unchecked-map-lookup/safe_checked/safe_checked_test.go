package safe_checked

import "testing"

func TestCounters(t *testing.T) {
	c := New()
	c.Inc("a")
	c.Inc("a")
	c.Reset("b")
	if c.Get("a") != 2 || c.Peek("a") != 2 || c.Named("a") != 2 || !c.Has("a") {
		t.Fatal("a is not 2")
	}
	if c.Get("x") != 0 || c.Peek("x") != 0 || c.Named("x") != 0 || c.Has("x") || c.Has("b") {
		t.Fatal("x is not 0")
	}
}
