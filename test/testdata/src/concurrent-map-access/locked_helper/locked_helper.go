// setLocked must be called with mu held; the spawner calls it without the lock.
package locked_helper

import "sync"

var (
	mu    sync.Mutex
	state = map[string]string{}
)

// setLocked records a job's state; the caller must hold mu.
func setLocked(id, s string) {
	state[id] = s // want "map .state. is written here in .* while .* writes it at .*concurrent map writes"
}

func start(id string, wg *sync.WaitGroup) {
	defer wg.Done()
	mu.Lock()
	setLocked(id, "running")
	mu.Unlock()
}

// Run starts the jobs and queues one more without taking the lock.
func Run(ids []string) int {
	var wg sync.WaitGroup
	for _, id := range ids {
		wg.Add(1)
		go start(id, &wg)
	}
	setLocked("extra", "queued")
	wg.Wait()
	mu.Lock()
	defer mu.Unlock()
	return len(state)
}
