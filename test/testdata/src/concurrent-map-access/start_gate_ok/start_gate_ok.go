// The worker waits for `start` before it fills the cache; the spawner seeds it before opening the gate.
package start_gate_ok

// Warm fills the cache in the background once it is told to start.
func Warm(keys []string) int {
	cache := map[string]string{}
	start := make(chan struct{})
	done := make(chan struct{})
	go func() {
		<-start
		for _, k := range keys {
			cache[k] = "warm"
		}
		close(done)
	}()
	cache["seed"] = "cold"
	close(start)
	<-done
	return len(cache)
}
