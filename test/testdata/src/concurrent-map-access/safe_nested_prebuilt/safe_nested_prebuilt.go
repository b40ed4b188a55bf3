// Word counts per shard: each inner map is taken from the outer map before its goroutine starts and
// only that goroutine writes it.
package safe_nested_prebuilt

import "sync"

// CountByShard counts the words of every shard, one goroutine per shard.
func CountByShard(shards map[string][]string) map[string]map[string]int {
	counts := make(map[string]map[string]int, len(shards))
	for name := range shards {
		counts[name] = map[string]int{}
	}
	var wg sync.WaitGroup
	for name, words := range shards {
		inner := counts[name]
		wg.Add(1)
		go func(words []string) {
			defer wg.Done()
			for _, w := range words {
				inner[w]++
			}
		}(words)
	}
	wg.Wait()
	return counts
}
