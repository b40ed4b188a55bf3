// setLocked must be called with mu held, and every caller holds it.
package locked_helper_ok

import "sync"

var (
	mu    sync.Mutex
	state = map[string]string{}
)

// setLocked records a job's state; the caller must hold mu.
func setLocked(id, s string) {
	state[id] = s
}

func start(id string, wg *sync.WaitGroup) {
	defer wg.Done()
	mu.Lock()
	setLocked(id, "running")
	mu.Unlock()
}

// Run starts the jobs and queues one more under the lock.
func Run(ids []string) int {
	var wg sync.WaitGroup
	for _, id := range ids {
		wg.Add(1)
		go start(id, &wg)
	}
	mu.Lock()
	setLocked("extra", "queued")
	mu.Unlock()
	wg.Wait()
	mu.Lock()
	defer mu.Unlock()
	return len(state)
}
