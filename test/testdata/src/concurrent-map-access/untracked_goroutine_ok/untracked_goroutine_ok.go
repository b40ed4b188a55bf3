// The audit goroutine is tracked by the WaitGroup too, so reads after wg.Wait() are ordered after it.
package untracked_goroutine_ok

import "sync"

var (
	mu       sync.Mutex
	sessions = map[string]bool{}
	audit    = map[string]int{}
)

func login(user string, wg *sync.WaitGroup) {
	defer wg.Done()
	mu.Lock()
	sessions[user] = true
	mu.Unlock()
}

func record(users []string) {
	for _, u := range users {
		audit[u]++
	}
}

// Serve logs the users in and records the audit trail, all tracked by one WaitGroup.
func Serve(users []string) int {
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		record(users)
	}()
	for _, u := range users {
		wg.Add(1)
		go login(u, &wg)
	}
	wg.Wait()
	return len(sessions) + len(audit)
}
