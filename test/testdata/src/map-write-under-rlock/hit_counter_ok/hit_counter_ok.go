// A route table counts lookups; since counting writes a map, Lookup takes the write lock.
package hit_counter_ok

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
	r.mu.Lock()
	defer r.mu.Unlock()
	r.hits[path]++
	return r.targets[path]
}

// Set points path at target.
func (r *Routes) Set(path, target string) {
	r.mu.Lock()
	r.targets[path] = target
	r.mu.Unlock()
}

// Hits reports how often path was looked up.
func (r *Routes) Hits(path string) int {
	r.mu.RLock()
	defer r.mu.RUnlock()
	return r.hits[path]
}
