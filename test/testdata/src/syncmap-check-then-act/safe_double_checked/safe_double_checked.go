// Double-checked creation: the fast path is a lock-free Load; a miss takes the mutex and checks again,
// so the Load and the Store that matter run under one lock and no dial is lost.
package safe_double_checked

import "sync"

type Conn struct{ Addr string }

type Registry struct {
	mu    sync.Mutex
	conns sync.Map // addr -> *Conn
}

func (r *Registry) Get(addr string, dial func(string) *Conn) *Conn {
	if v, ok := r.conns.Load(addr); ok {
		return v.(*Conn)
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if v, ok := r.conns.Load(addr); ok {
		return v.(*Conn)
	}
	c := dial(addr)
	r.conns.Store(addr, c)
	return c
}
