// The goroutine calls Do on a sync.Once field; the package's own Do method, which writes a map, has
// the same name but only the caller's goroutine runs it.
package safe_once_do

import "sync"

type Registry struct {
	names map[string]int
}

func NewRegistry() *Registry {
	return &Registry{names: map[string]int{}}
}

// Do counts one more use of name.
func (r *Registry) Do(name string) {
	r.names[name]++
}

type loader struct {
	once  sync.Once
	value int
}

func (l *loader) get() int {
	l.once.Do(func() { l.value = 42 })
	return l.value
}

// Load counts a use while the loader computes its value on another goroutine.
func Load(reg *Registry) int {
	l := &loader{}
	done := make(chan int)
	go func() {
		done <- l.get()
	}()
	reg.Do("load")
	return <-done
}
