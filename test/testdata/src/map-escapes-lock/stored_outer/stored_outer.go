// Flush takes the pending counters into an outer variable under the lock and sums them after releasing
// it, while Add keeps writing the same map.
package stored_outer

import "sync"

type Meter struct {
	mu     sync.Mutex
	counts map[string]int
}

func NewMeter() *Meter {
	return &Meter{counts: map[string]int{}}
}

// Add counts n more of name.
func (m *Meter) Add(name string, n int) {
	m.mu.Lock()
	m.counts[name] += n // race: the locked writer; the finding is where the escaped map is ranged
	m.mu.Unlock()
}

// Sum adds up every counter.
func (m *Meter) Sum() int {
	var snapshot map[string]int
	m.mu.Lock()
	snapshot = m.counts
	m.mu.Unlock()
	total := 0
	for _, n := range snapshot { // want "map .*escapes the lock"
		total += n
	}
	return total
}
