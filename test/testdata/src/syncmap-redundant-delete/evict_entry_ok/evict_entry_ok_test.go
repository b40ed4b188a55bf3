package evict_entry_ok

import (
	"sync/atomic"
	"testing"
)

func TestEvict(t *testing.T) {
	c := &Cache{}
	c.entries.Store("k", []byte("v"))
	if got := string(c.Evict("k")); got != "v" {
		t.Fatalf("Evict = %q", got)
	}
	if c.Evict("k") != nil || atomic.LoadInt64(&c.evictions) != 1 {
		t.Fatal("evicted twice")
	}
}
