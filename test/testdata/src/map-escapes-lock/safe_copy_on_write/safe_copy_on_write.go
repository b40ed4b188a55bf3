// Copy-on-write: a published routing map is never written again; writers build a new map and swap it in
// under the lock, so readers may range over the one they took after unlocking.
package safe_copy_on_write

import "sync"

type Router struct {
	mu     sync.Mutex
	routes map[string]string
}

func NewRouter() *Router {
	return &Router{routes: map[string]string{}}
}

// Add publishes a new map holding the old routes and the new one.
func (r *Router) Add(path, backend string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	next := make(map[string]string, len(r.routes)+1)
	for k, v := range r.routes {
		next[k] = v
	}
	next[path] = backend
	r.routes = next
}

func (r *Router) current() map[string]string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.routes
}

// Backends lists the backends of the current routes.
func (r *Router) Backends() []string {
	var out []string
	for _, b := range r.current() {
		out = append(out, b)
	}
	return out
}
