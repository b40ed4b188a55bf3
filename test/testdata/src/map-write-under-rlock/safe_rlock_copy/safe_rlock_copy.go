// Under the read lock, Snapshot writes only into a map of its own: the shared map is just read.
package safe_rlock_copy

import "sync"

type Scores struct {
	mu     sync.RWMutex
	points map[string]int
}

func NewScores() *Scores {
	return &Scores{points: map[string]int{}}
}

// Add gives points to a player.
func (s *Scores) Add(player string, n int) {
	s.mu.Lock()
	s.points[player] += n
	s.mu.Unlock()
}

// Snapshot copies the scores of the players above min.
func (s *Scores) Snapshot(min int) map[string]int {
	s.mu.RLock()
	defer s.mu.RUnlock()
	out := make(map[string]int, len(s.points))
	for p, n := range s.points {
		if n > min {
			out[p] = n
		}
	}
	return out
}
