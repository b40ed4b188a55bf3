// Every path through Reserve holds the lock at its map accesses: the early returns unlock after them.
package safe_early_return

import (
	"errors"
	"sync"
)

type Seats struct {
	mu    sync.Mutex
	taken map[int]string
}

func NewSeats() *Seats {
	return &Seats{taken: map[int]string{}}
}

// Reserve gives a seat to a guest unless it is taken.
func (s *Seats) Reserve(seat int, guest string) error {
	s.mu.Lock()
	if who, ok := s.taken[seat]; ok {
		s.mu.Unlock()
		return errors.New("seat taken by " + who)
	}
	if seat < 0 {
		s.mu.Unlock()
		return errors.New("no such seat")
	}
	s.taken[seat] = guest
	s.mu.Unlock()
	return nil
}

// Guest returns who has a seat.
func (s *Seats) Guest(seat int) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.taken[seat]
}
