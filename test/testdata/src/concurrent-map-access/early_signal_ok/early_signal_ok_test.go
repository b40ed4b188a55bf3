package early_signal_ok

import "testing"

func TestFetch(t *testing.T) {
	if got := Fetch("key"); got != 3 {
		t.Fatalf("Fetch = %d, want 3", got)
	}
}
