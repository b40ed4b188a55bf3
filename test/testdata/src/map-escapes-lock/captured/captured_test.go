package captured

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
		time.Sleep(10 * time.Millisecond) // after Leaders' Unlock, yet no happens-before edge to its sort
		b.Record("cid", 1)
	}()
	wg.Wait()
}
