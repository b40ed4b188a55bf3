// Readers of a prefilled dictionary; the spawner adds its entry after wg.Wait().
package late_write_ok

import (
	"strings"
	"sync"
)

// Translate looks every word up, one goroutine per word, then adds an override.
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
			out[i] = dict[w]
		}(i, w)
	}
	wg.Wait()
	dict["go"] = "Go"
	return append(out, dict["go"])
}
