package safe_build_variants

import (
	"sync"
	"testing"
)

func TestBuildVariants(t *testing.T) {
	r := NewRegistry()
	tally := NewTally()
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r.Add("a")
			r.Count("a")
		}()
	}
	wg.Add(1)
	go func() {
		defer wg.Done()
		if got := Load(tally); got != 42 {
			t.Errorf("Load = %d", got)
		}
	}()
	wg.Wait()
	if n := r.Count("a"); n != 4 {
		t.Fatalf("Count = %d", n)
	}
}
