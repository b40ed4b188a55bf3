// Many readers share the read lock; the only writer takes the write lock.
package safe_readers_writer

import "sync"

type Config struct {
	mu     sync.RWMutex
	values map[string]string
}

func NewConfig() *Config {
	return &Config{values: map[string]string{}}
}

// Get reads a setting.
func (c *Config) Get(key string) string {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return c.values[key]
}

// Has reports whether a setting exists.
func (c *Config) Has(key string) bool {
	c.mu.RLock()
	_, ok := c.values[key]
	c.mu.RUnlock()
	return ok
}

// Set changes a setting.
func (c *Config) Set(key, value string) {
	c.mu.Lock()
	c.values[key] = value
	c.mu.Unlock()
}
