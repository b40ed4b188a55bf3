package safe_double_checked

import (
	"sync"
	"testing"
)

func TestGetDialsOnce(t *testing.T) {
	r := &Registry{}
	var wg sync.WaitGroup
	got := make([]*Conn, 8)
	for i := range got {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			got[i] = r.Get("db", func(a string) *Conn { return &Conn{Addr: a} })
		}(i)
	}
	wg.Wait()
	for _, c := range got {
		if c != got[0] {
			t.Fatal("callers got different connections")
		}
	}
}
