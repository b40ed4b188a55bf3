// Sum copies the counters into an outer variable under the lock and sums the copy after releasing it.
package stored_outer_ok

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
	m.counts[name] += n
	m.mu.Unlock()
}

// Sum adds up every counter.
func (m *Meter) Sum() int {
	var snapshot map[string]int
	m.mu.Lock()
	snapshot = make(map[string]int, len(m.counts))
	for k, n := range m.counts {
		snapshot[k] = n
	}
	m.mu.Unlock()
	total := 0
	for _, n := range snapshot {
		total += n
	}
	return total
}
