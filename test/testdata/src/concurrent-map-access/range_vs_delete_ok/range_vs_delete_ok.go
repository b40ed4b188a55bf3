// A goroutine ranges over a cache; the spawner deletes only after `for range` saw the channel closed.
package range_vs_delete_ok

// Evict streams the cache's keys in the background, then evicts one.
func Evict(cache map[string]int, key string) []string {
	keys := make(chan string)
	go func() {
		for k := range cache {
			keys <- k
		}
		close(keys)
	}()
	var out []string
	for k := range keys {
		out = append(out, k)
	}
	delete(cache, key)
	return out
}
