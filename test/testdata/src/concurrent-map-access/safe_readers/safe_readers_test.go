package safe_readers

import "testing"

func TestReload(t *testing.T) {
	if got := Reload(3); got < 12 {
		t.Fatalf("Reload = %d, want at least 12", got)
	}
}
