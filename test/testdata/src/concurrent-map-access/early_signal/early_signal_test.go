package early_signal

import "testing"

func TestFetch(t *testing.T) {
	Fetch("key")
}
