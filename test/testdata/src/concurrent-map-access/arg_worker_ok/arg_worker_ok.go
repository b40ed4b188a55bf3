// A map passed to a worker function: the spawner writes it before the `go`, reads it after Wait.
package arg_worker_ok

import "sync"

func record(seen map[string]bool, ids []string, wg *sync.WaitGroup) {
	defer wg.Done()
	for _, id := range ids {
		seen[id] = true
	}
}

// Dedup marks the extra ids first, then the others in the background.
func Dedup(ids, extra []string) int {
	seen := map[string]bool{}
	for _, id := range extra {
		seen[id] = true
	}
	var wg sync.WaitGroup
	wg.Add(1)
	go record(seen, ids, &wg)
	wg.Wait()
	return len(seen)
}
