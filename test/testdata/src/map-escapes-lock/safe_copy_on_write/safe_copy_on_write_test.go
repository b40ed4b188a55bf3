package safe_copy_on_write

import (
	"sync"
	"testing"
	"time"
)

func TestBackends(t *testing.T) {
	r := NewRouter()
	r.Add("/", "web")
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		r.Backends()
	}()
	go func() {
		defer wg.Done()
		time.Sleep(10 * time.Millisecond)
		r.Add("/api", "api")
	}()
	wg.Wait()
	if n := len(r.Backends()); n != 2 {
		t.Fatalf("%d backends, want 2", n)
	}
}
