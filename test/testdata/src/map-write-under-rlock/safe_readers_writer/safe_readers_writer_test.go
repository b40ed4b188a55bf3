package safe_readers_writer

import (
	"sync"
	"testing"
)

func TestConfig(t *testing.T) {
	c := NewConfig()
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			if i == 0 {
				c.Set("mode", "fast")
			}
			c.Get("mode")
			c.Has("mode")
		}(i)
	}
	wg.Wait()
	if c.Get("mode") != "fast" {
		t.Fatal("Set was lost")
	}
}
