package embedded_map_ok

import "testing"

func TestRegistry(t *testing.T) {
	r := NewRegistry("local")
	done := make(chan struct{}, 2)
	r.Register("db", 5432, done)
	r.Register("cache", 6379, done)
	r.Port("db")
	<-done
	<-done
	if got := r.Port("cache"); got != 6379 {
		t.Fatalf("Port(cache) = %d", got)
	}
}
