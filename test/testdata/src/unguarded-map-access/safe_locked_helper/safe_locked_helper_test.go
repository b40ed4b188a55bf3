package safe_locked_helper

import (
	"sync"
	"testing"
)

func TestLRU(t *testing.T) {
	c := NewLRU(3)
	var wg sync.WaitGroup
	for _, k := range []string{"a", "b", "c", "d"} {
		wg.Add(1)
		go func(k string) {
			defer wg.Done()
			c.Put(k, []byte(k))
		}(k)
	}
	wg.Add(1)
	go func() {
		defer wg.Done()
		c.Shrink(2)
	}()
	wg.Wait()
	if n := c.Len(); n > 3 {
		t.Fatalf("Len = %d", n)
	}
}
