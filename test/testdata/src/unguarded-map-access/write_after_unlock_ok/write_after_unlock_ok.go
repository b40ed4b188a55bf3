// Touch validates and records the time under the lock, releasing it on both paths.
package write_after_unlock_ok

import (
	"sync"
	"time"
)

type Sessions struct {
	mu   sync.Mutex
	last map[string]time.Time
}

func NewSessions() *Sessions {
	return &Sessions{last: map[string]time.Time{}}
}

// Touch marks a session as active; unknown sessions are refused.
func (s *Sessions) Touch(id string, known func(string) bool) bool {
	s.mu.Lock()
	if !known(id) {
		s.mu.Unlock()
		return false
	}
	s.last[id] = time.Now()
	s.mu.Unlock()
	return true
}

// LastSeen reports when a session was last active.
func (s *Sessions) LastSeen(id string) time.Time {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.last[id]
}
