// Every goroutine locks the one mutex declared before the loop.
package mutex_per_iteration_ok

import "sync"

// Tally counts the votes, one goroutine per vote.
func Tally(votes []string) int {
	counts := map[string]int{}
	var wg sync.WaitGroup
	var mu sync.Mutex
	for _, v := range votes {
		wg.Add(1)
		go func(v string) {
			defer wg.Done()
			mu.Lock()
			counts[v]++
			mu.Unlock()
		}(v)
	}
	wg.Wait()
	return len(counts)
}
