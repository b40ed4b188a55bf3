// Each worker stores its answer under its own key, one at a time under a mutex.
package own_key_ok

import (
	"strings"
	"sync"
)

// Shout upper-cases every word, one goroutine per word, and looks one answer up once all are done.
func Shout(words []string, word string) string {
	loud := map[string]string{}
	var mu sync.Mutex
	var wg sync.WaitGroup
	for _, w := range words {
		wg.Add(1)
		go func(w string) {
			defer wg.Done()
			mu.Lock()
			loud[w] = strings.ToUpper(w)
			mu.Unlock()
		}(w)
	}
	wg.Wait()
	answer := loud[word]
	return answer
}
