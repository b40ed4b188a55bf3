// The lock covers the whole read-modify-write (released by defer).
package unlock_early_ok

import "sync"

// Bump increments every key's counter, one goroutine per key.
func Bump(keys []string) int {
	counters := map[string]int{}
	var mu sync.Mutex
	var wg sync.WaitGroup
	for _, k := range keys {
		wg.Add(1)
		go func(k string) {
			defer wg.Done()
			mu.Lock()
			defer mu.Unlock()
			n := counters[k]
			counters[k] = n + 1
		}(k)
	}
	wg.Wait()
	return len(counters)
}
