// One goroutine per sale adds to a shared totals map passed as an argument.
package compound_assign

import "sync"

type Sale struct {
	Region string
	Amount int
}

func add(totals map[string]int, s Sale, wg *sync.WaitGroup) {
	defer wg.Done()
	totals[s.Region] += s.Amount // want "map .totals. is written here in the goroutine started at .* while another instance of the goroutine started at .* writes it at .*concurrent map writes"
}

// Total sums the sales of region, one goroutine per sale.
func Total(sales []Sale, region string) int {
	totals := map[string]int{}
	var wg sync.WaitGroup
	for _, s := range sales {
		wg.Add(1)
		go add(totals, s, &wg)
	}
	wg.Wait()
	return totals[region]
}
