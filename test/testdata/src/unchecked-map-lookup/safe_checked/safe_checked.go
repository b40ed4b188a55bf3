// Lookups whose missing key is handled first: comma-ok, a nil check, or storing the key.
package safe_checked

// Counter counts something.
type Counter struct{ n int }

// Inc adds one.
func (c *Counter) Inc() { c.n++ }

// Counters by name.
type Counters struct {
	byName map[string]*Counter
}

// New returns empty counters.
func New() *Counters { return &Counters{byName: map[string]*Counter{}} }

// Get returns the count of name, 0 when there is none.
func (c *Counters) Get(name string) int {
	if _, ok := c.byName[name]; !ok {
		return 0
	}
	return c.byName[name].n
}

// Peek is Get with the value taken in the check.
func (c *Counters) Peek(name string) int {
	if v, ok := c.byName[name]; ok {
		return v.n
	}
	return 0
}

// Has reports a count above zero.
func (c *Counters) Has(name string) bool {
	return c.byName[name] != nil && c.byName[name].n > 0
}

// Named returns the count of name through a variable checked for nil.
func (c *Counters) Named(name string) int {
	v := c.byName[name]
	if v == nil {
		return 0
	}
	return v.n
}

// Inc counts name, creating its counter on first use.
func (c *Counters) Inc(name string) {
	if c.byName[name] == nil {
		c.byName[name] = &Counter{}
	}
	c.byName[name].Inc()
}

// Reset starts name again at zero.
func (c *Counters) Reset(name string) {
	c.byName[name] = &Counter{}
	c.byName[name].n = 0
}
