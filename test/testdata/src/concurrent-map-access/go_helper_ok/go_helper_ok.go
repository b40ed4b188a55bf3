// A helper starts each loader in a goroutine tracked by a WaitGroup; the loaders write the shared index under a mutex.
package go_helper_ok

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
	var mu sync.Mutex
	var wg sync.WaitGroup
	safeGo(&wg, func() {
		for i, d := range docs {
			mu.Lock()
			index[d] = i
			mu.Unlock()
		}
	})
	safeGo(&wg, func() {
		for i, t := range titles {
			mu.Lock()
			index[t] = -1 - i
			mu.Unlock()
		}
	})
	wg.Wait()
	return index
}
