// An eviction hook runs between the LoadAndDelete and the Delete, and a hook may put the key back
// (a reload): the Delete removes that, so it is not redundant.
package safe_callback_between

import "sync"

type Cache struct {
	entries sync.Map // key -> string
	OnEvict func(key, value string)
}

func (c *Cache) Put(key, value string) { c.entries.Store(key, value) }

func (c *Cache) Evict(key string) {
	if v, ok := c.entries.LoadAndDelete(key); ok && c.OnEvict != nil {
		c.OnEvict(key, v.(string))
	}
	c.entries.Delete(key)
}
