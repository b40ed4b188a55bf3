// Set replaces the value unconditionally and reports the previous one: the Store does not depend on
// what the Load saw, so nothing is checked before it acts.
package safe_replace

import "sync"

type Config struct {
	values sync.Map // key -> string
}

func (c *Config) Set(key, value string) (previous string) {
	old, _ := c.values.Load(key)
	c.values.Store(key, value)
	if old == nil {
		return ""
	}
	return old.(string)
}
