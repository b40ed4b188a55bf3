// One goroutine per word; the counter map is only touched under a mutex.
package loop_counter_ok

import "sync"

// Count counts how often word occurs in words, one goroutine per word.
func Count(words []string, word string) int {
	counts := map[string]int{}
	var mu sync.Mutex
	var wg sync.WaitGroup
	for _, w := range words {
		wg.Add(1)
		go func(w string) {
			defer wg.Done()
			mu.Lock()
			counts[w]++
			mu.Unlock()
		}(w)
	}
	wg.Wait()
	return counts[word]
}
