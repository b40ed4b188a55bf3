// A cache that counts its evictions.
package evict_entry_ok

import (
	"sync"
	"sync/atomic"
)

type Cache struct {
	entries   sync.Map // key -> []byte
	evictions int64
}

// Evict drops key and returns its value.
func (c *Cache) Evict(key string) []byte {
	v, ok := c.entries.LoadAndDelete(key)
	if !ok {
		return nil
	}
	atomic.AddInt64(&c.evictions, 1)

	return v.([]byte)
}
