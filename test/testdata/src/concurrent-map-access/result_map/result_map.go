// The plugin registry is reached through an accessor function; built-ins and plugins register from two goroutines.
package result_map

import "sync"

var reg = map[string]int{}

func registry() map[string]int { return reg }

// Init registers the built-in handlers and the plugins concurrently.
func Init(builtins, plugins []string) int {
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		for i, b := range builtins {
			registry()[b] = i // want "map .registry\\(\\). is written here in the goroutine started at .* while the goroutine started at .* writes it at .*concurrent map writes"
		}
	}()
	go func() {
		defer wg.Done()
		for i, p := range plugins {
			registry()[p] = 100 + i // want "map .registry\\(\\). is written here in the goroutine started at .* while the goroutine started at .* writes it at .*concurrent map writes"
		}
	}()
	wg.Wait()
	return len(registry())
}
