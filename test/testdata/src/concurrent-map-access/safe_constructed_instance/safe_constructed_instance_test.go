package safe_constructed_instance

import (
	"sync"
	"testing"
)

func TestConcurrentEncoders(t *testing.T) {
	words := []string{"a", "b", "a", "c"}
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if got := Distinct(words); got != "abc" {
				t.Errorf("Distinct = %q", got)
			}
			if got, err := Prefixed(">", words); err != nil || got != ">abc" {
				t.Errorf("Prefixed = %q, %v", got, err)
			}
			if got := MustPrefixed(">", words); got != ">abc" {
				t.Errorf("MustPrefixed = %q", got)
			}
		}()
	}
	wg.Wait()
}
