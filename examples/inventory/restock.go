package inventory

import "sync"

// Restock refills each SKU in parallel and reports how many of each it ordered.
func Restock(s *Stock, skus []string) map[string]int {
	// suppliers is filled before the goroutines start and only read by them: race-free.
	suppliers := make(map[string]string, len(skus))
	for _, sku := range skus {
		suppliers[sku] = "acme"
	}

	var mu sync.Mutex
	ordered := make(map[string]int)
	var wg sync.WaitGroup
	for _, sku := range skus {
		wg.Add(1)
		go func(sku string) {
			defer wg.Done()
			if suppliers[sku] == "" {
				return
			}
			s.Add(sku, 10)
			mu.Lock()
			ordered[sku] += 10 // guarded by mu: race-free
			mu.Unlock()
		}(sku)
	}
	wg.Wait()
	return ordered
}
