package stored_outer_ok

import (
	"sync"
	"testing"
	"time"
)

func TestSum(t *testing.T) {
	m := NewMeter()
	m.Add("req", 1)
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		m.Sum()
	}()
	go func() {
		defer wg.Done()
		time.Sleep(10 * time.Millisecond)
		m.Add("err", 1)
	}()
	wg.Wait()
	if n := m.Sum(); n != 2 {
		t.Fatalf("Sum = %d, want 2", n)
	}
}
