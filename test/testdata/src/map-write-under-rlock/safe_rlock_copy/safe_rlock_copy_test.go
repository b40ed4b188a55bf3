package safe_rlock_copy

import (
	"sync"
	"testing"
)

func TestSnapshot(t *testing.T) {
	s := NewScores()
	var wg sync.WaitGroup
	for _, p := range []string{"ann", "bob", "cid"} {
		wg.Add(2)
		go func(p string) {
			defer wg.Done()
			s.Add(p, 10)
		}(p)
		go func() {
			defer wg.Done()
			for p := range s.Snapshot(0) {
				_ = p
			}
		}()
	}
	wg.Wait()
	if got := s.Snapshot(5); len(got) != 3 {
		t.Fatalf("Snapshot = %v", got)
	}
}
