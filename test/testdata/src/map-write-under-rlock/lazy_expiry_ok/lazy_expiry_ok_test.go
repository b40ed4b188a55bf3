package lazy_expiry_ok

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
			if _, ok := tok.Get("abc"); ok {
				t.Error("an expired token was returned")
			}
		}()
	}
	wg.Wait()
}
