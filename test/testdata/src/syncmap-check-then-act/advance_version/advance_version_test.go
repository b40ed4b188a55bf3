package advance_version

import (
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// Two writers advance the same key from version 1 together: only one may succeed.
func TestAdvanceHasOneWinner(t *testing.T) {
	// Both writers pass the compare before either stores.
	g := newGate(5 * time.Second)
	s := &Versions{BeforeWrite: func(string) { g.wait() }}
	s.Set("doc", 1)
	var wins int32
	done := make(chan struct{}, 2)
	for i := 0; i < 2; i++ {
		go func() {
			if s.Advance("doc", 1, 2) {
				atomic.AddInt32(&wins, 1)
			}
			g.release()
			done <- struct{}{}
		}()
	}
	<-done
	<-done
	if n := atomic.LoadInt32(&wins); n != 1 {
		t.Fatalf("%d writers advanced doc from version 1", n)
	}
}

// gate holds its first callers until two of them are inside (so both have passed the Load before
// either acts) or until release is called (a caller finished: code without the race does not wait).
type gate struct {
	mu      sync.Mutex
	arrived int
	open    chan struct{}
	once    sync.Once
	timeout time.Duration
}

func newGate(timeout time.Duration) *gate {
	return &gate{open: make(chan struct{}), timeout: timeout}
}

func (g *gate) release() { g.once.Do(func() { close(g.open) }) }

func (g *gate) wait() {
	g.mu.Lock()
	g.arrived++
	both := g.arrived >= 2
	g.mu.Unlock()
	if both {
		g.release()
	}
	select {
	case <-g.open:
	case <-time.After(g.timeout):
	}
}
