package safe_range_under_lock

import (
	"sync"
	"testing"
)

func TestEach(t *testing.T) {
	r := NewRoster()
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		r.Join("ann", 1)
	}()
	go func() {
		defer wg.Done()
		r.Each(func(string, int) {})
	}()
	wg.Wait()
	n := 0
	r.Each(func(string, int) { n++ })
	if n != 1 {
		t.Fatalf("%d members", n)
	}
}
