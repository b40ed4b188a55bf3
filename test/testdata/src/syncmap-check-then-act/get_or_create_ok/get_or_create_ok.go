// A connection registry dials each address once; Get runs in every request handler at once.
package get_or_create_ok

import "sync"

type Conn struct {
	Addr   string
	Serial int
}

type Registry struct {
	conns sync.Map // addr -> *Conn
}

// Get returns the connection for addr, dialing it the first time.
func (r *Registry) Get(addr string, dial func(string) *Conn) *Conn {
	if v, ok := r.conns.Load(addr); ok {
		return v.(*Conn)
	}
	c := dial(addr)
	if v, loaded := r.conns.LoadOrStore(addr, c); loaded {
		return v.(*Conn)
	}
	return c
}
