package quit_not_wait

import (
	"testing"
	"time"
)

func TestProcess(t *testing.T) {
	Process([]string{"a", "b"})
	time.Sleep(200 * time.Millisecond) // let the worker count the last job inside this test
}
