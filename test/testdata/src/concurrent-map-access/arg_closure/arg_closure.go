// A map handed to a goroutine closure as an argument, deleted there and looked up by the spawner.
package arg_closure

import "sync"

// Expire drops stale sessions in the background while it looks a user up.
func Expire(sessions map[string]int, stale []string, user string) bool {
	var wg sync.WaitGroup
	wg.Add(1)
	go func(m map[string]int) {
		defer wg.Done()
		for _, id := range stale {
			delete(m, id) // want "map .(m|sessions). is written here in the goroutine started at .* while func Expire reads it at .*concurrent map read and map write"
		}
	}(sessions)
	_, ok := sessions[user] // want "map .sessions. is read here in func Expire while the goroutine started at .* writes it at .*concurrent map read and map write"
	wg.Wait()
	return ok
}
