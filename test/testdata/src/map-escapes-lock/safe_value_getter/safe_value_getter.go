// The locked getters return values read from the map, never the map itself.
package safe_value_getter

import (
	"sort"
	"sync"
)

type Prefs struct {
	mu     sync.Mutex
	values map[string]string
}

func NewPrefs() *Prefs {
	return &Prefs{values: map[string]string{}}
}

// Set stores a preference.
func (p *Prefs) Set(k, v string) {
	p.mu.Lock()
	p.values[k] = v
	p.mu.Unlock()
}

// Get returns one preference and whether it is set.
func (p *Prefs) Get(k string) (string, bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	v, ok := p.values[k]
	return v, ok
}

// Keys returns the sorted names of the preferences.
func (p *Prefs) Keys() []string {
	p.mu.Lock()
	keys := make([]string, 0, len(p.values))
	for k := range p.values {
		keys = append(keys, k)
	}
	p.mu.Unlock()
	sort.Strings(keys)
	return keys
}
