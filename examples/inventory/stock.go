// Package inventory keeps stock levels and processes orders with a pool of workers.
package inventory

import "sync"

// Stock is safe for concurrent use: every access to levels holds mu.
type Stock struct {
	mu     sync.Mutex
	levels map[string]int
}

// New copies initial, so the caller's map is never shared with the workers.
func New(initial map[string]int) *Stock {
	levels := make(map[string]int, len(initial))
	for sku, n := range initial {
		levels[sku] = n
	}
	return &Stock{levels: levels}
}

// Take removes n items of sku if there are enough.
func (s *Stock) Take(sku string, n int) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.levels[sku] < n {
		return false
	}
	s.levels[sku] -= n
	return true
}

// Add puts n items of sku back on the shelf.
func (s *Stock) Add(sku string, n int) {
	s.mu.Lock()
	s.levels[sku] += n
	s.mu.Unlock()
}
