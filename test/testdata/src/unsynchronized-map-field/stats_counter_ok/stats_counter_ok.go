// Stats has a map field and the mutex that guards it; Run calls its methods from one goroutine per event.
package stats_counter_ok

import "sync"

type Stats struct {
	name   string
	mu     sync.Mutex
	counts map[string]int
}

func NewStats(name string) *Stats {
	return &Stats{name: name, counts: map[string]int{}}
}

// Record counts one event.
func (s *Stats) Record(event string) {
	s.mu.Lock()
	s.counts[event]++
	s.mu.Unlock()
}

// Count reports how often an event was recorded.
func (s *Stats) Count(event string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.counts[event]
}

// Run records every event concurrently.
func Run(s *Stats, events []string) {
	var wg sync.WaitGroup
	for _, e := range events {
		wg.Add(1)
		go func(e string) {
			defer wg.Done()
			s.Record(e)
		}(e)
	}
	wg.Wait()
}
