// Optimistic versions: Advance moves a key from one version to the next, and only one caller may win.
package advance_version_ok

import "sync"

type Versions struct {
	mu    sync.Mutex
	byKey sync.Map // key -> int
	// BeforeWrite observes writes (an audit log).
	BeforeWrite func(key string)
}

func (s *Versions) Set(key string, version int) { s.byKey.Store(key, version) }

// Advance moves key from version from to version to, and reports whether it did.
func (s *Versions) Advance(key string, from, to int) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	v, _ := s.byKey.Load(key)
	if v != from {
		return false
	}
	s.BeforeWrite(key)
	s.byKey.Store(key, to)
	return true
}
