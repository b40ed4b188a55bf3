// The plugin registry is reached through an accessor function; both registering goroutines hold regMu.
package result_map_ok

import "sync"

var (
	regMu sync.Mutex
	reg   = map[string]int{}
)

func registry() map[string]int { return reg }

// Init registers the built-in handlers and the plugins concurrently.
func Init(builtins, plugins []string) int {
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		for i, b := range builtins {
			regMu.Lock()
			registry()[b] = i
			regMu.Unlock()
		}
	}()
	go func() {
		defer wg.Done()
		for i, p := range plugins {
			regMu.Lock()
			registry()[p] = 100 + i
			regMu.Unlock()
		}
	}()
	wg.Wait()
	return len(registry())
}
