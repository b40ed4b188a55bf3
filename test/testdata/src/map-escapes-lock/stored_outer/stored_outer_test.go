package stored_outer

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
		time.Sleep(10 * time.Millisecond) // after Sum's Unlock, yet no happens-before edge to its range
		m.Add("err", 1)
	}()
	wg.Wait()
}
