// One goroutine per sale sends to an actor goroutine that alone owns the totals map.
package compound_assign_ok

import "sync"

type Sale struct {
	Region string
	Amount int
}

// Total sums the sales of region, one goroutine per sale, through an actor.
func Total(sales []Sale, region string) int {
	totals := map[string]int{}
	updates := make(chan Sale)
	result := make(chan int)
	go func() {
		for s := range updates {
			totals[s.Region] += s.Amount
		}
		result <- totals[region]
	}()
	var wg sync.WaitGroup
	for _, s := range sales {
		wg.Add(1)
		go func(s Sale) {
			defer wg.Done()
			updates <- s
		}(s)
	}
	wg.Wait()
	close(updates)
	return <-result
}
