// A map handed to a goroutine closure as an argument; both sides hold the same mutex.
package arg_closure_ok

import "sync"

// Expire drops stale sessions in the background while it looks a user up under the lock.
func Expire(sessions map[string]int, stale []string, user string) bool {
	var mu sync.Mutex
	var wg sync.WaitGroup
	wg.Add(1)
	go func(m map[string]int) {
		defer wg.Done()
		mu.Lock()
		defer mu.Unlock()
		for _, id := range stale {
			delete(m, id)
		}
	}(sessions)
	mu.Lock()
	_, ok := sessions[user]
	mu.Unlock()
	wg.Wait()
	return ok
}
