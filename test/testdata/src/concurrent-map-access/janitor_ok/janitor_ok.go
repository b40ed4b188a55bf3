// A session cache whose janitor goroutine deletes expired entries on every tick; Keys ranges under the same lock.
package janitor_ok

import (
	"sync"
	"time"
)

type Cache struct {
	mu   sync.Mutex
	data map[string]time.Time
	stop chan struct{}
}

// New returns a cache holding the given sessions until their expiry times, and starts its janitor.
func New(expiry map[string]time.Time) *Cache {
	c := &Cache{data: map[string]time.Time{}, stop: make(chan struct{})}
	for k, t := range expiry {
		c.data[k] = t
	}
	go c.janitor()
	return c
}

func (c *Cache) janitor() {
	tick := time.NewTicker(time.Millisecond)
	defer tick.Stop()
	for {
		select {
		case now := <-tick.C:
			c.mu.Lock()
			for k, t := range c.data {
				if now.After(t) {
					delete(c.data, k)
				}
			}
			c.mu.Unlock()
		case <-c.stop:
			return
		}
	}
}

// Keys lists the live sessions.
func (c *Cache) Keys() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	var out []string
	for k := range c.data {
		out = append(out, k)
	}
	return out
}

// Close stops the janitor.
func (c *Cache) Close() { close(c.stop) }
