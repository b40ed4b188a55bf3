// A route table counts lookups; Lookup is a "read" so it takes RLock, but counting is a map write.
package hit_counter

import "sync"

type Routes struct {
	mu      sync.RWMutex
	targets map[string]string
	hits    map[string]int
}

func NewRoutes(targets map[string]string) *Routes {
	return &Routes{targets: targets, hits: map[string]int{}}
}

// Lookup returns the target of path and counts the lookup.
func (r *Routes) Lookup(path string) string {
	r.mu.RLock()
	defer r.mu.RUnlock()
	r.hits[path]++ // want "map .r.hits. is written here while only .*RLock.* is held"
	return r.targets[path]
}

// Set points path at target.
func (r *Routes) Set(path, target string) {
	r.mu.Lock()
	r.targets[path] = target
	r.mu.Unlock()
}
