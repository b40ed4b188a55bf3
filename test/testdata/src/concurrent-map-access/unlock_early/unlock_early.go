// The lock covers the read of a read-modify-write but is released before the write.
package unlock_early

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
			n := counters[k] // want "map .counters. is read here in the goroutine started at .* while another instance of the goroutine started at .* writes it at .*concurrent map read and map write"
			mu.Unlock()
			counters[k] = n + 1 // want "map .counters. is written here in the goroutine started at .* while another instance of the goroutine started at .*concurrent map (writes|read and map write)"
		}(k)
	}
	wg.Wait()
	return len(counters)
}
