// The goroutine is started by a helper; the sends order every increment but the last before the spawner's write.
package spawn_in_helper

func startCounter(counts map[string]int, events <-chan string, done chan<- struct{}) {
	go func() {
		for e := range events {
			counts[e]++ // want "map .counts. is written here in the goroutine started at .* while func Count writes it at .*concurrent map writes"
		}
		close(done)
	}()
}

// Count counts events in a background counter and stores the total too early.
func Count(events []string) int {
	counts := map[string]int{}
	ch := make(chan string)
	done := make(chan struct{})
	startCounter(counts, ch, done)
	for _, e := range events {
		ch <- e
	}
	counts["total"] = len(events) // want "map .counts. is written here in func Count while the goroutine started at .* writes it at .*concurrent map writes"
	close(ch)
	<-done
	return counts["total"]
}
