package forgot_getter

import (
	"sync"
	"testing"
)

func TestDirectory(t *testing.T) {
	d := NewDirectory()
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		d.Add(1, "ann")
	}()
	go func() {
		defer wg.Done()
		d.Name(1)
	}()
	wg.Wait()
}
