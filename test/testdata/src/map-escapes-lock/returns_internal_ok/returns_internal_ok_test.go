package returns_internal_ok

import (
	"sync"
	"testing"
	"time"
)

func TestTotal(t *testing.T) {
	inv := NewInventory()
	inv.Set("apple", 3)
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		Total(inv)
	}()
	go func() {
		defer wg.Done()
		time.Sleep(10 * time.Millisecond)
		inv.Set("pear", 5)
	}()
	wg.Wait()
	if n := Total(inv); n != 8 {
		t.Fatalf("Total = %d, want 8", n)
	}
}
