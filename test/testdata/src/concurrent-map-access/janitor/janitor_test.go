package janitor

import (
	"testing"
	"time"
)

func TestKeys(t *testing.T) {
	c := New(map[string]time.Time{"old": time.Now(), "new": time.Now().Add(time.Hour)})
	defer c.Close()
	c.Keys()
	time.Sleep(20 * time.Millisecond) // the janitor's tick comes while nothing orders it after Keys
}
