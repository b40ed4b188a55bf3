package open_session

import (
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// Two requests of one user arrive together: they must share one session.
func TestOpenSharesOneSession(t *testing.T) {
	s := &Sessions{}
	g := newGate(5 * time.Second)
	var ids int32
	create := func(user string) *Session {
		g.wait()
		return &Session{User: user, ID: int(atomic.AddInt32(&ids, 1))}
	}
	got := make(chan *Session, 2)
	for i := 0; i < 2; i++ {
		go func() {
			sess := s.Open("ada", create)
			g.release()
			got <- sess
		}()
	}
	a, b := <-got, <-got
	if a != b {
		t.Fatalf("one user got sessions %d and %d: one Store was lost", a.ID, b.ID)
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
