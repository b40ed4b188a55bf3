// Every goroutine locks, but each one its own mutex declared inside the loop body.
package mutex_per_iteration

import "sync"

// Tally counts the votes, one goroutine per vote.
func Tally(votes []string) int {
	counts := map[string]int{}
	var wg sync.WaitGroup
	for _, v := range votes {
		var mu sync.Mutex
		wg.Add(1)
		go func(v string) {
			defer wg.Done()
			mu.Lock()
			counts[v]++ // want "map .counts. is written here in the goroutine started at .* while another instance of the goroutine started at .* writes it at .*concurrent map writes"
			mu.Unlock()
		}(v)
	}
	wg.Wait()
	return len(counts)
}
