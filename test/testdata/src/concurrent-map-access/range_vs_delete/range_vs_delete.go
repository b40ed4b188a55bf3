// A goroutine ranges over a cache while the spawner deletes from it.
package range_vs_delete

// Evict streams the cache's keys in the background while it evicts one.
func Evict(cache map[string]int, key string) []string {
	keys := make(chan string)
	go func() {
		for k := range cache { // want "map .cache. is ranged over here in the goroutine started at .* while func Evict writes it at .*concurrent map iteration and map write"
			keys <- k
		}
		close(keys)
	}()
	delete(cache, key) // want "map .cache. is written here in func Evict while the goroutine started at .* ranges over it at .*concurrent map iteration and map write"
	var out []string
	for k := range keys {
		out = append(out, k)
	}
	return out
}
