package safe_rlock_plus_lock

import (
	"sync"
	"testing"
)

func TestPrice(t *testing.T) {
	c := NewCatalog(map[string]int{"tea": 3})
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c.Price("tea")
		}()
	}
	wg.Wait()
	if n := c.Views("tea"); n != 3 {
		t.Fatalf("Views = %d, want 3", n)
	}
}
