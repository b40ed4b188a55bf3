package get_or_create_ok

import (
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// Two handlers ask for the same address while it is being dialed: both must end up with one connection.
func TestGetDialsOnce(t *testing.T) {
	r := &Registry{}
	g := newGate(5 * time.Second)
	var serial int32
	dial := func(addr string) *Conn {
		g.wait()
		return &Conn{Addr: addr, Serial: int(atomic.AddInt32(&serial, 1))}
	}
	got := make(chan *Conn, 2)
	for i := 0; i < 2; i++ {
		go func() {
			c := r.Get("db:5432", dial)
			g.release()
			got <- c
		}()
	}
	a, b := <-got, <-got
	if a != b {
		t.Fatalf("two callers got connections %d and %d: one Store was lost", a.Serial, b.Serial)
	}
	if c := r.Get("db:5432", dial); c != a {
		t.Fatalf("the registry holds connection %d, a caller kept %d", c.Serial, a.Serial)
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
