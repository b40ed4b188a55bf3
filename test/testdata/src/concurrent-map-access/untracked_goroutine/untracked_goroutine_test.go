package untracked_goroutine

import (
	"testing"
	"time"
)

func TestServe(t *testing.T) {
	Serve([]string{"ann", "bob"})
	time.Sleep(200 * time.Millisecond) // let the untracked goroutine run inside this test
}
