// The worker stores its result, then signals; the spawner reads only in the `select` case that received.
package early_signal_ok

import "time"

// Fetch computes a value in the background and reads it once the worker is done, or gives up.
func Fetch(key string) int {
	cache := map[string]int{}
	done := make(chan bool)
	go func() {
		cache[key] = len(key)
		done <- true
	}()
	select {
	case <-done:
		return cache[key]
	case <-time.After(time.Minute):
		return -1
	}
}
