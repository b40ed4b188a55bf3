// Both sides lock, but not the same mutex.
package two_mutexes

import "sync"

var (
	statsMu sync.Mutex
	cacheMu sync.Mutex
	stats   = map[string]int{}
)

func track(event string, done chan<- bool) {
	statsMu.Lock()
	stats[event]++ // want "map .stats. is written here in the goroutine started at .* while func Track writes it at .*concurrent map writes"
	statsMu.Unlock()
	done <- true
}

// Track counts an event in the background and resets another counter under the wrong lock.
func Track(event, reset string) {
	done := make(chan bool)
	go track(event, done)
	cacheMu.Lock()
	stats[reset] = 0 // want "map .stats. is written here in func Track while the goroutine started at .* writes it at .*concurrent map writes"
	cacheMu.Unlock()
	<-done
}
