// Readers of a prefilled dictionary are already running when the spawner adds one more entry.
package late_write

import (
	"strings"
	"sync"
)

// Translate looks every word up, one goroutine per word, and adds an override meanwhile.
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
			out[i] = dict[w] // want "map .dict. is read here in the goroutine started at .* while func Translate writes it at .*concurrent map read and map write"
		}(i, w)
	}
	dict["go"] = "Go" // want "map .dict. is written here in func Translate while the goroutine started at .* reads it at .*concurrent map read and map write"
	wg.Wait()
	return out
}
