// A map handed from goroutine to goroutine through channels; only its current holder touches it.
package safe_handoff

// Index builds a word index in one goroutine, completes it in another and reads it at the end.
func Index(words []string) int {
	built := make(chan map[string]int)
	completed := make(chan map[string]int)
	go func() {
		idx := map[string]int{}
		for i, w := range words {
			idx[w] = i
		}
		built <- idx
	}()
	go func() {
		idx := <-built
		idx["<eof>"] = len(words)
		completed <- idx
	}()
	idx := <-completed
	return len(idx) + idx["<eof>"]
}
