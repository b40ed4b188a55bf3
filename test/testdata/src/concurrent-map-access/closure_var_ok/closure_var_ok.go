// One closure, run in a goroutine and then by its spawner after wg.Wait().
package closure_var_ok

import "sync"

// Words counts the words of a in the background, then those of b.
func Words(a, b []string) int {
	counts := map[string]int{}
	tally := func(words []string) {
		for _, w := range words {
			counts[w]++
		}
	}
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		tally(a)
	}()
	wg.Wait()
	tally(b)
	return len(counts)
}
