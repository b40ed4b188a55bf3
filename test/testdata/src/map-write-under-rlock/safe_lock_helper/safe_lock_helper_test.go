package safe_lock_helper

import (
	"sync"
	"testing"
)

func TestExec(t *testing.T) {
	s := &Stmt{c: NewConn()}
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			s.Exec(i)
			s.c.Close(i - 1)
		}(i)
	}
	wg.Wait()
	if n := s.c.Count(); n < 1 {
		t.Fatalf("Count = %d", n)
	}
}
