// Codes has a map field and no mutex; it is filled by the constructor and only read afterwards, from
// any number of goroutines.
package safe_read_only_field

import "sync"

type Codes struct {
	names map[int]string
}

func NewCodes() *Codes {
	c := &Codes{names: map[int]string{}}
	c.names[200] = "OK"
	c.names[404] = "Not Found"
	return c
}

// Name returns the reason phrase of a status code.
func (c *Codes) Name(code int) string {
	if n, ok := c.names[code]; ok {
		return n
	}
	return "unknown"
}

// Describe names every code concurrently.
func Describe(c *Codes, codes []int) []string {
	out := make([]string, len(codes))
	var wg sync.WaitGroup
	for i, code := range codes {
		wg.Add(1)
		go func(i, code int) {
			defer wg.Done()
			out[i] = c.Name(code)
		}(i, code)
	}
	wg.Wait()
	return out
}
