package early_return_ok

import (
	"testing"
	"time"
)

func TestLoad(t *testing.T) {
	if got := Load([]string{"a", "b"}, false); got != -1 && got != 2 {
		t.Fatalf("Load = %d, want -1 or 2", got)
	}
	time.Sleep(200 * time.Millisecond)
	if got := Load([]string{"a", "b"}, true); got != 2 {
		t.Fatalf("Load = %d, want 2", got)
	}
}
