package returns_internal

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
		time.Sleep(10 * time.Millisecond) // after Stock's Unlock, yet no happens-before edge to Total's range
		inv.Set("pear", 5)
	}()
	wg.Wait()
}
