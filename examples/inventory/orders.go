package inventory

import "sync"

// Order asks for Qty items of SKU.
type Order struct {
	SKU string
	Qty int
}

// failures counts rejected orders per SKU; every worker writes it.
var failures = map[string]int{}

// ProcessOrders hands the orders to a pool of workers and returns the rejected counts.
func ProcessOrders(s *Stock, orders []Order, workers int) map[string]int {
	queue := make(chan Order)
	var wg sync.WaitGroup
	for i := 0; i < workers; i++ {
		wg.Add(1)
		go worker(s, queue, &wg)
	}
	for _, o := range orders {
		queue <- o
	}
	close(queue)
	wg.Wait()

	// Read after wg.Wait(): the workers are done, so this copy is race-free.
	out := make(map[string]int, len(failures))
	for sku, n := range failures {
		out[sku] = n
	}
	return out
}

func worker(s *Stock, queue <-chan Order, wg *sync.WaitGroup) {
	defer wg.Done()
	for o := range queue {
		if !s.Take(o.SKU, o.Qty) {
			recordFailure(o.SKU)
		}
	}
}

// recordFailure runs on every worker goroutine at once: concurrent map writes.
func recordFailure(sku string) {
	failures[sku]++
}
