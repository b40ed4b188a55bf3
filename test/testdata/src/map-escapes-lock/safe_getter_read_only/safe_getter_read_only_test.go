package safe_getter_read_only

import (
	"sync"
	"testing"
)

func TestErrors(t *testing.T) {
	s := NewStatuses()
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if n := Errors(s); n != 2 {
				t.Errorf("Errors = %d, want 2", n)
			}
			_ = s.Codes()["ok"]
		}()
	}
	wg.Wait()
	if n := s.Lookups(); n != 6 {
		t.Fatalf("%d lookups, want 6", n)
	}
}
