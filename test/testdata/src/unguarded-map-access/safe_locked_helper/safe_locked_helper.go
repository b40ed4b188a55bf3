// evictLocked touches the map without locking: it is only ever called with the lock held.
package safe_locked_helper

import "sync"

type LRU struct {
	mu    sync.Mutex
	max   int
	order []string
	items map[string][]byte
}

func NewLRU(max int) *LRU {
	return &LRU{max: max, items: map[string][]byte{}}
}

// Put stores a value, evicting the oldest entries beyond max.
func (c *LRU) Put(k string, v []byte) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.items[k]; !ok {
		c.order = append(c.order, k)
	}
	c.items[k] = v
	c.evictLocked()
}

// Shrink lowers max and evicts what no longer fits.
func (c *LRU) Shrink(max int) {
	c.mu.Lock()
	c.max = max
	c.evictLocked()
	c.mu.Unlock()
}

func (c *LRU) evictLocked() {
	for len(c.items) > c.max {
		delete(c.items, c.order[0])
		c.order = c.order[1:]
	}
}

// Len reports how many values are stored.
func (c *LRU) Len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.items)
}
