// Stats has a map field and no mutex, yet Run calls its methods from one goroutine per event.
package stats_counter

import "sync"

type Stats struct {
	name   string
	counts map[string]int // want "field .Stats.counts. is a map accessed by methods that run concurrently"
}

func NewStats(name string) *Stats {
	return &Stats{name: name, counts: map[string]int{}}
}

// Record counts one event.
func (s *Stats) Record(event string) {
	s.counts[event]++ // want "map .s.counts. is written here.*concurrent map writes"
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
