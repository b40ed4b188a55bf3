// Sessions are opened on a user's first request; concurrent requests of one user share a session.
package open_session

import "sync"

type Session struct {
	User string
	ID   int
}

type Sessions struct {
	byUser sync.Map // user -> *Session
}

// Open returns the user's session, creating it on first use.
func (s *Sessions) Open(user string, create func(string) *Session) *Session {
	v, ok := s.byUser.Load(user)
	if !ok {
		sess := create(user)
		s.byUser.Store(user, sess) // want "`s.byUser.Load\\(user\\)` then `s.byUser.Store\\(user, …\\)`.*LoadOrStore"
		v = sess
	}
	return v.(*Session)
}
