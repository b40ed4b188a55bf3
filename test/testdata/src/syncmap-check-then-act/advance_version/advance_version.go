// Optimistic versions: Advance moves a key from one version to the next, and only one caller may win.
package advance_version

import "sync"

type Versions struct {
	byKey sync.Map // key -> int
	// BeforeWrite observes writes (an audit log).
	BeforeWrite func(key string)
}

func (s *Versions) Set(key string, version int) { s.byKey.Store(key, version) }

// Advance moves key from version from to version to, and reports whether it did.
func (s *Versions) Advance(key string, from, to int) bool {
	v, _ := s.byKey.Load(key)
	if v != from {
		return false
	}
	s.BeforeWrite(key)
	s.byKey.Store(key, to) // want "`s.byKey.Load\\(key\\)`, compare, then `s.byKey.Store\\(key, …\\)`: another goroutine can store between the compare and this Store.*CompareAndSwap \\(Go 1.20"
	return true
}
