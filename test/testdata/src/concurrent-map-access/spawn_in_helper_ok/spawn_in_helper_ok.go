// The goroutine is started by a helper; the spawner stores the total after the counter is done.
package spawn_in_helper_ok

func startCounter(counts map[string]int, events <-chan string, done chan<- struct{}) {
	go func() {
		for e := range events {
			counts[e]++
		}
		close(done)
	}()
}

// Count counts events in a background counter, then stores the total.
func Count(events []string) int {
	counts := map[string]int{}
	ch := make(chan string)
	done := make(chan struct{})
	startCounter(counts, ch, done)
	for _, e := range events {
		ch <- e
	}
	close(ch)
	<-done
	counts["total"] = len(events)
	return counts["total"] + counts["click"]
}
