package safe_swap_out

import (
	"sync"
	"testing"
	"time"
)

func TestFlush(t *testing.T) {
	b := NewBatcher()
	b.Add("click")
	total := 0
	count := func(_ string, n int) { total += n }
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		b.Flush(count)
	}()
	go func() {
		defer wg.Done()
		time.Sleep(10 * time.Millisecond)
		b.Add("view")
	}()
	wg.Wait()
	b.Flush(count)
	if total != 2 {
		t.Fatalf("flushed %d events, want 2", total)
	}
}
