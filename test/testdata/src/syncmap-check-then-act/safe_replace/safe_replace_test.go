package safe_replace

import "testing"

func TestSet(t *testing.T) {
	c := &Config{}
	if prev := c.Set("mode", "fast"); prev != "" {
		t.Fatalf("prev = %q", prev)
	}
	if prev := c.Set("mode", "safe"); prev != "fast" {
		t.Fatalf("prev = %q", prev)
	}
}
