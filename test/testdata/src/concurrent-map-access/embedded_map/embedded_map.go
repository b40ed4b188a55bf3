// A registry embeds the store that holds the map; registrations run in goroutines and reach the map
// through the outer type, while lookups read it.
package embedded_map

type store struct {
	items map[string]int // want "field .store.items. is a map accessed by methods that run concurrently"
}

func (s *store) put(k string, v int) {
	s.items[k] = v // want "map .s.items. is written here.*concurrent map (writes|read and map write)"
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
	return r.items[svc] // want "map .r.items. is read here.*concurrent map read and map write"
}
