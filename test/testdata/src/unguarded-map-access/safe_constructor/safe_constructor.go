// The constructor fills the map of a fresh instance without the lock: nobody else can see it yet.
package safe_constructor

import "sync"

type Limits struct {
	mu     sync.Mutex
	limits map[string]int
}

// NewLimits returns limits with the defaults filled in.
func NewLimits(defaults map[string]int) *Limits {
	l := &Limits{limits: make(map[string]int, len(defaults))}
	for k, v := range defaults {
		l.limits[k] = v
	}
	l.limits["burst"] = 10
	return l
}

// Set changes a limit.
func (l *Limits) Set(name string, v int) {
	l.mu.Lock()
	l.limits[name] = v
	l.mu.Unlock()
}

// Get reads a limit.
func (l *Limits) Get(name string) int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.limits[name]
}
