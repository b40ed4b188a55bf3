package safe_actor

import (
	"sync"
	"testing"
)

func TestStore(t *testing.T) {
	s := NewStore()
	defer s.Close()
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s.Add("n", 1)
			s.Get("n")
		}()
	}
	wg.Wait()
	if n := s.Get("n"); n != 3 {
		t.Fatalf("Get = %d, want 3", n)
	}
}
