package safe_constructor

import (
	"sync"
	"testing"
)

func TestLimits(t *testing.T) {
	l := NewLimits(map[string]int{"rps": 100})
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		l.Set("rps", 50)
	}()
	go func() {
		defer wg.Done()
		l.Get("rps")
	}()
	wg.Wait()
	if l.Get("burst") != 10 || l.Get("rps") != 50 {
		t.Fatal("limits lost")
	}
}
