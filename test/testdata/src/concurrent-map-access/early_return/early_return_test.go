package early_return

import (
	"testing"
	"time"
)

func TestLoad(t *testing.T) {
	Load([]string{"a", "b"}, false)
	time.Sleep(200 * time.Millisecond) // let the loader write inside this test
}
