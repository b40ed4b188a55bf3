package safe_different_map

import (
	"testing"
	"time"
)

func TestLookup(t *testing.T) {
	c := &Cache{}
	c.hits.Store("a", "1")
	if v, ok := c.Lookup("a", time.Now()); !ok || v != "1" {
		t.Fatalf("Lookup(a) = %q, %v", v, ok)
	}
	if _, ok := c.Lookup("b", time.Now()); ok {
		t.Fatal("Lookup(b) found a value")
	}
	if _, ok := c.misses.Load("b"); !ok {
		t.Fatal("the miss was not remembered")
	}
}
