// Touch validates under the lock but records the time after releasing it.
package write_after_unlock

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
	s.mu.Unlock()
	s.last[id] = time.Now() // want "map .s.last. is written here without s.mu"
	return true
}

// LastSeen reports when a session was last active.
func (s *Sessions) LastSeen(id string) time.Time {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.last[id] // race: the locked reader; the finding is at the write after Unlock
}
