package safe_swap_out

import (
	"sync"
	"testing"
)

func TestDrain(t *testing.T) {
	var q Queue
	var wg sync.WaitGroup
	seen := make(chan []string, 4)
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			q.Add(string(rune('a' + i)))
			q.Pending("a")
			seen <- q.Drain()
		}(i)
	}
	wg.Wait()
	close(seen)
	n := len(q.Drain())
	for batch := range seen {
		n += len(batch)
	}
	if n != 4 {
		t.Fatalf("drained %d keys, want 4", n)
	}
}
