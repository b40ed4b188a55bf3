package safe_debug_flag

import (
	"sync"
	"testing"
)

func TestPut(t *testing.T) {
	p := NewPool()
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			p.Put(i, "test")
		}(i)
	}
	wg.Wait()
	if n := p.Len(); n != 4 {
		t.Fatalf("Len = %d", n)
	}
}
