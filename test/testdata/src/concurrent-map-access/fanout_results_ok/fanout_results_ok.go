// Fan-out lookups store their answers in the resolver's results map under a mutex the writers share.
package fanout_results_ok

import (
	"strings"
	"sync"
)

type Resolver struct {
	results map[string]string
}

// ResolveAll resolves every host concurrently.
func (r *Resolver) ResolveAll(hosts []string) map[string]string {
	r.results = make(map[string]string, len(hosts))
	var (
		wg sync.WaitGroup
		mu sync.Mutex
	)
	for _, h := range hosts {
		wg.Add(1)
		go func(h string) {
			defer wg.Done()
			addr := strings.ToUpper(h) + ".example"
			mu.Lock()
			r.results[h] = addr
			mu.Unlock()
		}(h)
	}
	wg.Wait()
	return r.results
}
