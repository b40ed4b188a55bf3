// A pool of connections by address; Drop closes and forgets one.
package drop_conn

import "sync"

type Conn struct{ closed bool }

func (c *Conn) Close() error {
	c.closed = true
	return nil
}

type Pool struct {
	conns sync.Map // addr -> *Conn
}

// Drop closes the connection to addr, if there is one.
func (p *Pool) Drop(addr string) error {
	if v, loaded := p.conns.LoadAndDelete(addr); loaded {
		p.conns.Delete(addr) // want "`p.conns.Delete\\(addr\\)` is redundant"
		return v.(*Conn).Close()
	}
	return nil
}
