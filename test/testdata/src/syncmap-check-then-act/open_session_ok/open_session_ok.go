// Sessions are opened on a user's first request; concurrent requests of one user share a session.
package open_session_ok

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
		v, _ = s.byUser.LoadOrStore(user, sess)
	}
	return v.(*Session)
}
