package claim_job_ok

import (
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// Two workers claim the same job together: it must run once.
func TestClaimRunsOnce(t *testing.T) {
	g := newGate(5 * time.Second)
	q := &Queue{OnClaim: func(string) { g.wait() }}
	q.Add("j1", Job{Name: "backup"})
	var runs int32
	done := make(chan bool, 2)
	for i := 0; i < 2; i++ {
		go func() {
			ok := q.Claim("j1", func(Job) { atomic.AddInt32(&runs, 1) })
			g.release()
			done <- ok
		}()
	}
	<-done
	<-done
	if n := atomic.LoadInt32(&runs); n != 1 {
		t.Fatalf("the job ran %d times", n)
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
