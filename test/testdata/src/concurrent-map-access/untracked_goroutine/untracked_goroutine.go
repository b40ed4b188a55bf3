// wg.Wait() orders only the goroutines that call wg.Done(); the audit goroutine is not one of them.
package untracked_goroutine

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
		audit[u]++ // want "map .audit. is written here in the goroutine started at .* while func Serve reads it at .*concurrent map read and map write"
	}
}

// Serve logs the users in with tracked workers and records the audit trail in an untracked goroutine.
func Serve(users []string) int {
	var wg sync.WaitGroup
	go record(users)
	for _, u := range users {
		wg.Add(1)
		go login(u, &wg)
	}
	wg.Wait()
	return len(sessions) + len(audit) // want "map .audit. is read here in func Serve while the goroutine started at .* writes it at .*concurrent map read and map write"
}
