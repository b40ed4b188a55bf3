// Both sides lock the mutex that guards the map.
package two_mutexes_ok

import "sync"

var (
	statsMu sync.Mutex
	cacheMu sync.Mutex
	stats   = map[string]int{}
	cache   = map[string]string{}
)

func track(event string, done chan<- bool) {
	statsMu.Lock()
	stats[event]++
	statsMu.Unlock()
	done <- true
}

// Track counts an event in the background and resets another counter under the same lock.
func Track(event, reset string) {
	done := make(chan bool)
	go track(event, done)
	statsMu.Lock()
	stats[reset] = 0
	statsMu.Unlock()
	cacheMu.Lock()
	cache[reset] = event
	cacheMu.Unlock()
	<-done
}
