package field_write

import (
	"testing"
	"time"
)

func TestTouch(t *testing.T) {
	now := time.Now()
	Touch(1, now)
	if !users[1].LastSeen.Equal(now) {
		t.Fatal("user 1 not touched")
	}
	Touch(2, now)
	if _, ok := users[2]; ok {
		t.Fatal("user 2 created")
	}
}
