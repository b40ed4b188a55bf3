// Votes per region and candidate, one goroutine per ballot box; boxes of one region write the same inner map.
package nested_map

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
	var wg sync.WaitGroup
	for _, box := range boxes {
		wg.Add(1)
		go func(box Box) {
			defer wg.Done()
			for _, v := range box.Votes {
				totals[box.Region][v]++ // want "map .totals\\[box\\.Region\\]. is written here in the goroutine started at .* while another instance of the goroutine started at .* writes it at .*concurrent map writes"
			}
		}(box)
	}
	wg.Wait()
	return totals
}
