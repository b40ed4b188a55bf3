// A helper starts each loader in a goroutine tracked by a WaitGroup; both loaders write the shared index.
package go_helper

import "sync"

func safeGo(wg *sync.WaitGroup, f func()) {
	wg.Add(1)
	go func() {
		defer wg.Done()
		f()
	}()
}

// BuildIndex maps every document and every title to its position, loading both concurrently.
func BuildIndex(docs, titles []string) map[string]int {
	index := map[string]int{}
	var wg sync.WaitGroup
	safeGo(&wg, func() {
		for i, d := range docs {
			index[d] = i // want "map .index. is written here in the goroutine started at .* while the goroutine started at .* writes it at .*concurrent map writes"
		}
	})
	safeGo(&wg, func() {
		for i, t := range titles {
			index[t] = -1 - i // want "map .index. is written here in the goroutine started at .* while the goroutine started at .* writes it at .*concurrent map writes"
		}
	})
	wg.Wait()
	return index
}
