// Fan-out lookups store their answers in the resolver's results map: the WaitGroup orders the caller
// after the writers, but nothing orders the writers among themselves.
package fanout_results

import (
	"strings"
	"sync"
)

type Resolver struct {
	results map[string]string // want "field .Resolver.results. is a map accessed by methods that run concurrently"
}

// ResolveAll resolves every host concurrently.
func (r *Resolver) ResolveAll(hosts []string) map[string]string {
	r.results = make(map[string]string, len(hosts))
	var wg sync.WaitGroup
	for _, h := range hosts {
		wg.Add(1)
		go func(h string) {
			defer wg.Done()
			r.results[h] = strings.ToUpper(h) + ".example" // want "map .r.results. is written here.*concurrent map writes"
		}(h)
	}
	wg.Wait()
	return r.results
}
