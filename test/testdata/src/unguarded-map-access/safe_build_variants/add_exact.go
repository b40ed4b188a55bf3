//go:build !foldcase

package safe_build_variants

import "sync"

func (r *Registry) addLocked(name string) {
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
