// The lock guards a lookup counter; the code table the getter returns is filled by the constructor and
// never written again, so reading it after unlocking is safe.
package safe_getter_read_only

import "sync"

type Statuses struct {
	mu      sync.Mutex
	lookups int
	codes   map[string]int
}

func NewStatuses() *Statuses {
	s := &Statuses{codes: map[string]int{}}
	s.codes["ok"] = 200
	s.codes["not found"] = 404
	s.codes["teapot"] = 418
	return s
}

// Codes returns the code table and counts the lookup.
func (s *Statuses) Codes() map[string]int {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.lookups++
	return s.codes
}

// Lookups says how often the table was asked for.
func (s *Statuses) Lookups() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.lookups
}

// Errors counts the codes of the table that are client or server errors.
func Errors(s *Statuses) int {
	n := 0
	for _, code := range s.Codes() {
		if code >= 400 {
			n++
		}
	}
	return n
}
