// A user directory whose setters take the lock but whose getter forgot it.
package forgot_getter

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
	d.names[id] = name // race: the locked setter; the finding is at the getter that forgot the lock
	d.mu.Unlock()
}

// Remove forgets a user.
func (d *Directory) Remove(id int) {
	d.mu.Lock()
	defer d.mu.Unlock()
	delete(d.names, id)
}

// Name returns a user's name.
func (d *Directory) Name(id int) string {
	return d.names[id] // want "map .d.names. is read here without d.mu"
}
