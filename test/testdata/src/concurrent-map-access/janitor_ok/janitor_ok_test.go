package janitor_ok

import (
	"testing"
	"time"
)

func TestKeys(t *testing.T) {
	c := New(map[string]time.Time{"old": time.Now(), "new": time.Now().Add(time.Hour)})
	defer c.Close()
	c.Keys()
	time.Sleep(20 * time.Millisecond)
	if got := c.Keys(); len(got) != 1 || got[0] != "new" {
		t.Fatalf("Keys = %v, want [new]", got)
	}
}
