package alias_after_unlock

import (
	"sync"
	"testing"
	"time"
)

func TestPublish(t *testing.T) {
	b := NewBroker()
	b.Subscribe("log", func(string) {})
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		b.Publish("hello")
	}()
	go func() {
		defer wg.Done()
		time.Sleep(10 * time.Millisecond) // after Publish's Unlock, yet no happens-before edge to its range
		b.Subscribe("audit", func(string) {})
	}()
	wg.Wait()
}
