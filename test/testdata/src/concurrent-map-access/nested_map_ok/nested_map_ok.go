// Votes per region and candidate, one goroutine per ballot box; a mutex serializes the inner map writes.
package nested_map_ok

import "sync"

// Box is the ballots of one polling station.
type Box struct {
	Region string
	Votes  []string
}

// Tally counts the votes of every box by region, then candidate.
func Tally(regions []string, boxes []Box) map[string]map[string]int {
	totals := make(map[string]map[string]int, len(regions))
	for _, r := range regions {
		totals[r] = map[string]int{}
	}
	var mu sync.Mutex
	var wg sync.WaitGroup
	for _, box := range boxes {
		wg.Add(1)
		go func(box Box) {
			defer wg.Done()
			for _, v := range box.Votes {
				mu.Lock()
				totals[box.Region][v]++
				mu.Unlock()
			}
		}(box)
	}
	wg.Wait()
	return totals
}
