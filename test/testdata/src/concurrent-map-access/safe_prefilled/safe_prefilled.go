// A dictionary filled before the goroutines start and only read afterwards, by them and by the spawner.
package safe_prefilled

import (
	"strings"
	"sync"
)

// Translate looks every word up in a dictionary built up front, one goroutine per word.
func Translate(words []string) []string {
	dict := map[string]string{}
	for _, w := range words {
		dict[w] = strings.ToUpper(w)
	}
	out := make([]string, len(words))
	var wg sync.WaitGroup
	for i, w := range words {
		wg.Add(1)
		go func(i int, w string) {
			defer wg.Done()
			if t, ok := dict[w]; ok {
				out[i] = t
			}
		}(i, w)
	}
	if len(dict) == 0 {
		out = nil
	}
	wg.Wait()
	return out
}
