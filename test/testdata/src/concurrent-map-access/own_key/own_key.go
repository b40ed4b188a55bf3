// Each worker stores its answer under its own key, yet all of them write the one map at the same time.
package own_key

import (
	"strings"
	"sync"
)

// Shout upper-cases every word, one goroutine per word, and looks one answer up once all are done.
func Shout(words []string, word string) string {
	loud := map[string]string{}
	var wg sync.WaitGroup
	for _, w := range words {
		wg.Add(1)
		go func(w string) {
			defer wg.Done()
			loud[w] = strings.ToUpper(w) // want "map .loud. is written here in the goroutine started at .* while another instance of the goroutine started at .* writes it at .*concurrent map writes"
		}(w)
	}
	wg.Wait()
	answer := loud[word]
	return answer
}
