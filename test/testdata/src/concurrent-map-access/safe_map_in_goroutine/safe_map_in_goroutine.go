// Every goroutine creates and fills its own map.
package safe_map_in_goroutine

import "sync"

// MostCommon finds the most common letter of every word, one goroutine per word.
func MostCommon(words []string) []rune {
	out := make([]rune, len(words))
	var wg sync.WaitGroup
	for i, w := range words {
		wg.Add(1)
		go func(i int, w string) {
			defer wg.Done()
			freq := map[rune]int{}
			for _, r := range w {
				freq[r]++
				if freq[r] > freq[out[i]] {
					out[i] = r
				}
			}
		}(i, w)
	}
	wg.Wait()
	return out
}
