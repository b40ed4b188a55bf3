package nested_goroutine

import (
	"testing"
	"time"
)

func TestResolve(t *testing.T) {
	Resolve([]string{"db", "cache"})
	time.Sleep(200 * time.Millisecond) // let the nested goroutine write inside this test
}
