package safe_embedded_lock

import (
	"fmt"
	"sync"
	"testing"
)

func TestViews(t *testing.T) {
	root := New("root")
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			root.Add(fmt.Sprint(i))
			root.Lookup("root")
		}(i)
	}
	wg.Wait()
	if root.Lookup("3") == nil {
		t.Fatal("view 3 missing")
	}
}
