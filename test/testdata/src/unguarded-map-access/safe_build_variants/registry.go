// addLocked and the loader type are declared once per build (files with build constraints): each
// build's addLocked runs under the lock its callers take, and each build's loader has its own fields
// (this build's calls sync.Once.Do, not Tally.Do).
package safe_build_variants

import "sync"

type Registry struct {
	mu    sync.Mutex
	names map[string]int
}

func NewRegistry() *Registry {
	return &Registry{names: map[string]int{}}
}

// Add counts one more use of name.
func (r *Registry) Add(name string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.addLocked(name)
}

// Count reports the uses of name.
func (r *Registry) Count(name string) int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.names[name]
}

type Tally struct {
	counts map[string]int
}

func NewTally() *Tally {
	return &Tally{counts: map[string]int{}}
}

// Do counts one more use of name.
func (t *Tally) Do(name string) {
	t.counts[name]++
}

// Load counts a use while the loader computes its value on another goroutine.
func Load(t *Tally) int {
	l := &loader{}
	done := make(chan int)
	go func() {
		done <- l.get()
	}()
	t.Do("load")
	return <-done
}
