// withLock runs a function while holding a sync.Locker: the statement writes the connection's map under
// the connection's own lock, taken by the helper, while it holds only a read lock of its own.
package safe_lock_helper

import "sync"

type Conn struct {
	sync.Mutex
	open map[int]bool
}

func NewConn() *Conn {
	return &Conn{open: map[int]bool{}}
}

func withLock(lk sync.Locker, fn func()) {
	lk.Lock()
	defer lk.Unlock()
	fn()
}

// openLocked records an open statement; c must be locked.
func (c *Conn) openLocked(id int) {
	c.open[id] = true
}

// Close forgets a statement.
func (c *Conn) Close(id int) {
	c.Lock()
	defer c.Unlock()
	delete(c.open, id)
}

// Count reports the open statements.
func (c *Conn) Count() int {
	c.Lock()
	defer c.Unlock()
	return len(c.open)
}

type Stmt struct {
	closemu sync.RWMutex
	c       *Conn
}

// Exec opens the statement on its connection; many Execs run together under the read lock.
func (s *Stmt) Exec(id int) {
	s.closemu.RLock()
	defer s.closemu.RUnlock()
	withLock(s.c, func() {
		s.c.openLocked(id)
	})
}
