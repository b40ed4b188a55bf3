package captured_ok

import (
	"sync"
	"testing"
	"time"
)

func TestLeaders(t *testing.T) {
	b := NewBoard()
	b.Record("ann", 3)
	b.Record("bob", 5)
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		b.Leaders()
	}()
	go func() {
		defer wg.Done()
		time.Sleep(10 * time.Millisecond)
		b.Record("cid", 1)
	}()
	wg.Wait()
	if got := b.Leaders(); len(got) != 3 || got[0] != "bob" || got[2] != "cid" {
		t.Fatalf("Leaders = %v", got)
	}
}
