package safe_value_getter

import (
	"sync"
	"testing"
)

func TestPrefs(t *testing.T) {
	p := NewPrefs()
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		p.Set("theme", "dark")
	}()
	go func() {
		defer wg.Done()
		for _, k := range p.Keys() {
			p.Get(k)
		}
	}()
	wg.Wait()
	if v, ok := p.Get("theme"); !ok || v != "dark" {
		t.Fatalf("Get = %q, %v", v, ok)
	}
}
