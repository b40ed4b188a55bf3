package write_after_unlock_ok

import (
	"sync"
	"testing"
	"time"
)

func TestTouch(t *testing.T) {
	s := NewSessions()
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		s.Touch("a", func(string) bool { return true })
	}()
	go func() {
		defer wg.Done()
		time.Sleep(10 * time.Millisecond) // after Touch's Unlock, yet no happens-before edge to its write
		s.LastSeen("a")
	}()
	wg.Wait()
	if s.LastSeen("a").IsZero() {
		t.Fatal("Touch was lost")
	}
}
