// A map passed to a worker function started with `go`, written on both sides.
package arg_worker

import "sync"

func record(seen map[string]bool, ids []string, wg *sync.WaitGroup) {
	defer wg.Done()
	for _, id := range ids {
		seen[id] = true // want "map .seen. is written here in the goroutine started at .* while func Dedup writes it at .*concurrent map writes"
	}
}

// Dedup marks ids as seen in the background while it marks the extra ones itself.
func Dedup(ids, extra []string) int {
	seen := map[string]bool{}
	var wg sync.WaitGroup
	wg.Add(1)
	go record(seen, ids, &wg)
	for _, id := range extra {
		seen[id] = true // want "map .seen. is written here in func Dedup while the goroutine started at .* writes it at .*concurrent map writes"
	}
	wg.Wait()
	return len(seen)
}
