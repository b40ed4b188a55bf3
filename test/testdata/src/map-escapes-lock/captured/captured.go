// Leaders lists the names under the lock but sorts them after releasing it, with a comparison closure
// that reads the same score map Record writes.
package captured

import (
	"sort"
	"sync"
)

type Board struct {
	mu     sync.Mutex
	scores map[string]int
}

func NewBoard() *Board {
	return &Board{scores: map[string]int{}}
}

// Record adds points to a player's score.
func (b *Board) Record(player string, points int) {
	b.mu.Lock()
	b.scores[player] += points // race: the locked writer; the finding is where the captured map is read
	b.mu.Unlock()
}

// Leaders returns the players, best score first.
func (b *Board) Leaders() []string {
	b.mu.Lock()
	scores := b.scores
	names := make([]string, 0, len(scores))
	for name := range scores {
		names = append(names, name)
	}
	b.mu.Unlock()
	sort.Slice(names, func(i, j int) bool {
		return scores[names[i]] > scores[names[j]] // want "map .scores. escapes the lock" "map .scores. escapes the lock"
	})
	return names
}
