// One closure, run both in a goroutine and directly by its spawner: the same line races with itself.
package closure_var

import "sync"

// Words counts the words of a in the background and those of b itself.
func Words(a, b []string) int {
	counts := map[string]int{}
	tally := func(words []string) {
		for _, w := range words {
			counts[w]++ // want "map .counts. is written here in .* while .* writes it at .*concurrent map writes"
		}
	}
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		tally(a)
	}()
	tally(b)
	wg.Wait()
	return len(counts)
}
