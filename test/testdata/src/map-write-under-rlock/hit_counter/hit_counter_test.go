package hit_counter

import (
	"sync"
	"testing"
)

func TestLookup(t *testing.T) {
	r := NewRoutes(map[string]string{"/": "index.html"})
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r.Lookup("/")
		}()
	}
	wg.Wait()
}
