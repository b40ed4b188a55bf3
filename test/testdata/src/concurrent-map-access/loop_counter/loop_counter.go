// One goroutine per word, all incrementing the same counter map.
package loop_counter

import "sync"

// Count counts how often word occurs in words, one goroutine per word.
func Count(words []string, word string) int {
	counts := map[string]int{}
	var wg sync.WaitGroup
	for _, w := range words {
		wg.Add(1)
		go func(w string) {
			defer wg.Done()
			counts[w]++ // want "map .counts. is written here in the goroutine started at .* while another instance of the goroutine started at .* writes it at .*concurrent map writes"
		}(w)
	}
	wg.Wait()
	return counts[word]
}
