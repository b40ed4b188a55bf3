// Drain takes the pending map out under the lock and leaves nil in its place: after Unlock nobody else
// can reach the old map, so Drain ranges over it without the lock.
package safe_swap_out

import (
	"sort"
	"sync"
)

type Queue struct {
	mu      sync.Mutex
	pending map[string]int
}

// Add queues one more k.
func (q *Queue) Add(k string) {
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.pending == nil {
		q.pending = map[string]int{}
	}
	q.pending[k]++
}

// Pending reports how often k is queued.
func (q *Queue) Pending(k string) int {
	q.mu.Lock()
	defer q.mu.Unlock()
	return q.pending[k]
}

// Drain empties the queue and returns what it held, sorted.
func (q *Queue) Drain() []string {
	q.mu.Lock()
	batch := q.pending
	q.pending = nil
	q.mu.Unlock()
	var out []string
	for k := range batch {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
