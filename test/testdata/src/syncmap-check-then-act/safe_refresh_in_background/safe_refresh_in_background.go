// A miss starts a background refresh and returns at once; the Store runs in the refresher goroutine,
// another function, by design (a refresh may run twice; the last one wins and both are correct).
package safe_refresh_in_background

import "sync"

type Prices struct {
	byItem sync.Map // item -> price
	wg     sync.WaitGroup
}

func (p *Prices) Get(item string, fetch func(string) int) (int, bool) {
	v, ok := p.byItem.Load(item)
	if !ok {
		p.wg.Add(1)
		go func() {
			defer p.wg.Done()
			p.byItem.Store(item, fetch(item))
		}()
		return 0, false
	}
	return v.(int), true
}
