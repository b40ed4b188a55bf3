package safe_early_return

import (
	"sync"
	"testing"
)

func TestReserve(t *testing.T) {
	s := NewSeats()
	var wg sync.WaitGroup
	errs := make([]error, 2)
	for i, g := range []string{"ann", "bob"} {
		wg.Add(1)
		go func(i int, g string) {
			defer wg.Done()
			errs[i] = s.Reserve(7, g)
		}(i, g)
	}
	wg.Wait()
	if (errs[0] == nil) == (errs[1] == nil) || s.Guest(7) == "" {
		t.Fatalf("want exactly one reservation, got %v %q", errs, s.Guest(7))
	}
}
