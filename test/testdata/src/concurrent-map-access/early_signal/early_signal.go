// The worker signals `done` before it stores its result, so receiving from `done` orders nothing.
package early_signal

import "sync"

// Fetch computes a value in the background and reads it once the worker said it was done.
func Fetch(key string) int {
	cache := map[string]int{}
	done := make(chan bool)
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		done <- true
		cache[key] = len(key) // want "map .cache. is written here in the goroutine started at .* while func Fetch reads it at .*concurrent map read and map write"
	}()
	<-done
	v := cache[key] // want "map .cache. is read here in func Fetch while the goroutine started at .* writes it at .*concurrent map read and map write"
	wg.Wait()
	return v
}
