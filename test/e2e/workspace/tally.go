package main

import "sync"

var (
	views  = map[string]int{}
	clicks = map[string]int{}
)

// tally counts page views and clicks from two workers each; the maps have no lock.
func tally(pages []string) int {
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(2)
		go func() {
			defer wg.Done()
			for _, p := range pages {
				views[p]++
			}
		}()
		go func() {
			defer wg.Done()
			for _, p := range pages {
				clicks[p] += 2
			}
		}()
	}
	wg.Wait()
	return views[pages[0]] + clicks[pages[0]]
}
