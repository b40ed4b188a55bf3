// The worker waits for `start` before it fills the cache, but the spawner seeds it after opening the gate.
package start_gate

// Warm fills the cache in the background once it is told to start.
func Warm(keys []string) int {
	cache := map[string]string{}
	start := make(chan struct{})
	done := make(chan struct{})
	go func() {
		<-start
		for _, k := range keys {
			cache[k] = "warm" // want "map .cache. is written here in the goroutine started at .* while func Warm writes it at .*concurrent map writes"
		}
		close(done)
	}()
	close(start)
	cache["seed"] = "cold" // want "map .cache. is written here in func Warm while the goroutine started at .* writes it at .*concurrent map writes"
	<-done
	return len(cache)
}
