package safe_callback_between

import "testing"

func TestEvictAfterReload(t *testing.T) {
	c := &Cache{}
	c.OnEvict = func(k, v string) { c.Put(k, v+"!") }
	c.Put("a", "1")
	c.Evict("a")
	if _, ok := c.entries.Load("a"); ok {
		t.Fatal("the reloaded entry survived Evict")
	}
}
