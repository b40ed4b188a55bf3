// Directory guards its map for the callers that share it; Count builds a directory of its own, which no
// other goroutine can reach, and reads the map without the lock.
package safe_own_instance

import "sync"

type Directory struct {
	mu    sync.Mutex
	names map[int]string
}

func NewDirectory() *Directory {
	return &Directory{names: map[int]string{}}
}

// Add records a user's name.
func (d *Directory) Add(id int, name string) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.names[id] = name
}

// Name returns a user's name.
func (d *Directory) Name(id int) string {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.names[id]
}

// Count reports how many distinct ids the list holds.
func Count(ids []int) int {
	d := NewDirectory()
	for _, id := range ids {
		d.Add(id, "")
	}
	return len(d.names)
}
