// A negative cache: a miss in hits is remembered in another map. The Load and the Store are on two
// maps, so there is no check-then-act on one key of one map.
package safe_different_map

import (
	"sync"
	"time"
)

type Cache struct {
	hits   sync.Map // key -> value
	misses sync.Map // key -> time of the miss
}

func (c *Cache) Lookup(key string, now time.Time) (string, bool) {
	v, ok := c.hits.Load(key)
	if !ok {
		c.misses.Store(key, now)
		return "", false
	}
	return v.(string), true
}
