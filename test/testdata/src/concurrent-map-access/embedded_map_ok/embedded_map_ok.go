// A registry embeds the store that holds the map and the mutex guarding it; registrations run in
// goroutines and reach both through the outer type.
package embedded_map_ok

import "sync"

type store struct {
	sync.Mutex
	items map[string]int
}

func (s *store) put(k string, v int) {
	s.Lock()
	s.items[k] = v
	s.Unlock()
}

type Registry struct {
	store
	name string
}

// NewRegistry returns an empty registry.
func NewRegistry(name string) *Registry {
	return &Registry{store: store{items: map[string]int{}}, name: name}
}

// Register records a service's port in the background and signals done.
func (r *Registry) Register(svc string, port int, done chan<- struct{}) {
	go func() {
		r.put(svc, port)
		done <- struct{}{}
	}()
}

// Port looks a service up.
func (r *Registry) Port(svc string) int {
	r.Lock()
	defer r.Unlock()
	return r.items[svc]
}
