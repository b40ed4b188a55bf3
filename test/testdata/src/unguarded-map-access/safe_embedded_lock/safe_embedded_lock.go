// Views share one registry through an embedded pointer and lock its mutex through the embedded
// field's name, `v.registry.mu`, in every method.
package safe_embedded_lock

import "sync"

type registry struct {
	mu    sync.Mutex
	views map[string]*View
}

type View struct {
	name string
	*registry
}

func New(name string) *View {
	v := &View{name: name, registry: &registry{views: map[string]*View{}}}
	v.views[name] = v
	return v
}

// Add makes a view named name that shares v's registry.
func (v *View) Add(name string) *View {
	v.registry.mu.Lock()
	defer v.registry.mu.Unlock()
	n := &View{name: name, registry: v.registry}
	v.views[name] = n
	return n
}

// Lookup finds a view of v's registry by name.
func (v *View) Lookup(name string) *View {
	v.registry.mu.Lock()
	defer v.registry.mu.Unlock()
	return v.views[name]
}
