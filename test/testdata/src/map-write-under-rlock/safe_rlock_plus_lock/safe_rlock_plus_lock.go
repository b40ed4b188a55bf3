// Readers of the catalog hold its read lock; the per-item view counts have a mutex of their own, taken
// exclusively, so writing them under the catalog's read lock is fine.
package safe_rlock_plus_lock

import "sync"

type Catalog struct {
	mu     sync.RWMutex
	prices map[string]int

	viewsMu sync.Mutex
	views   map[string]int
}

func NewCatalog(prices map[string]int) *Catalog {
	return &Catalog{prices: prices, views: map[string]int{}}
}

// Price returns an item's price and counts the view.
func (c *Catalog) Price(item string) int {
	c.mu.RLock()
	defer c.mu.RUnlock()
	c.viewsMu.Lock()
	c.views[item]++
	c.viewsMu.Unlock()
	return c.prices[item]
}

// Views reports how often an item was looked at.
func (c *Catalog) Views(item string) int {
	c.viewsMu.Lock()
	defer c.viewsMu.Unlock()
	return c.views[item]
}
