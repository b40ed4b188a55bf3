package alias_after_unlock_ok

import (
	"sync"
	"testing"
	"time"
)

func TestPublish(t *testing.T) {
	b := NewBroker()
	got := make(chan string, 1)
	b.Subscribe("log", func(m string) { got <- m })
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		b.Publish("hello")
	}()
	go func() {
		defer wg.Done()
		time.Sleep(10 * time.Millisecond)
		b.Subscribe("audit", func(string) {})
	}()
	wg.Wait()
	if m := <-got; m != "hello" {
		t.Fatalf("got %q", m)
	}
}
