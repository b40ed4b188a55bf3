package drop_conn_ok

import "testing"

func TestDrop(t *testing.T) {
	p := &Pool{}
	c := &Conn{}
	p.conns.Store("db", c)
	if err := p.Drop("db"); err != nil || !c.closed {
		t.Fatalf("Drop: err %v, closed %v", err, c.closed)
	}
	if _, ok := p.conns.Load("db"); ok {
		t.Fatal("the connection is still in the pool")
	}
}
