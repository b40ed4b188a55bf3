// A session cache whose janitor goroutine deletes expired entries on every tick while Keys ranges over them.
package janitor

import "time"

type Cache struct {
	data map[string]time.Time // want "field .Cache.data. is a map accessed by methods that run concurrently"
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
			for k, t := range c.data {
				if now.After(t) {
					delete(c.data, k) // want "map .c.data. is written here.*concurrent map iteration and map write"
				}
			}
		case <-c.stop:
			return
		}
	}
}

// Keys lists the live sessions.
func (c *Cache) Keys() []string {
	var out []string
	for k := range c.data { // want "map .c.data. is ranged over here.*concurrent map iteration and map write"
		out = append(out, k)
	}
	return out
}

// Close stops the janitor.
func (c *Cache) Close() { close(c.stop) }
