// A user directory whose setters and getter all take the lock.
package forgot_getter_ok

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
	d.names[id] = name
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
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.names[id]
}
