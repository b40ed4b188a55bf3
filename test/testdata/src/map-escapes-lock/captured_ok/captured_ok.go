// Leaders copies the scores under the lock and sorts the names after releasing it, comparing by the copy.
package captured_ok

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
	b.scores[player] += points
	b.mu.Unlock()
}

// Leaders returns the players, best score first.
func (b *Board) Leaders() []string {
	b.mu.Lock()
	scores := make(map[string]int, len(b.scores))
	names := make([]string, 0, len(b.scores))
	for name, s := range b.scores {
		scores[name] = s
		names = append(names, name)
	}
	b.mu.Unlock()
	sort.Slice(names, func(i, j int) bool {
		return scores[names[i]] > scores[names[j]]
	})
	return names
}
