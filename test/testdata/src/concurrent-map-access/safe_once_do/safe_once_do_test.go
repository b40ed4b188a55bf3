package safe_once_do

import (
	"sync"
	"testing"
)

func TestLoad(t *testing.T) {
	reg := NewRegistry()
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		if got := Load(reg); got != 42 {
			t.Errorf("Load = %d, want 42", got)
		}
	}()
	wg.Wait()
	if reg.names["load"] != 1 {
		t.Fatalf("names = %v", reg.names)
	}
}
