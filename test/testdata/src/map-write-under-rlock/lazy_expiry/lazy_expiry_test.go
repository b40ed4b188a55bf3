package lazy_expiry

import (
	"sync"
	"testing"
)

func TestGet(t *testing.T) {
	tok := NewTokens()
	tok.Put("abc", "ann", -1)
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			tok.Get("abc")
		}()
	}
	wg.Wait()
}
