package safe_own_instance

import (
	"sync"
	"testing"
)

func TestCount(t *testing.T) {
	shared := NewDirectory()
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			shared.Add(i, "x")
			shared.Name(i)
			if n := Count([]int{1, 2, 2, i}); n < 2 {
				t.Errorf("Count = %d", n)
			}
		}(i)
	}
	wg.Wait()
}
