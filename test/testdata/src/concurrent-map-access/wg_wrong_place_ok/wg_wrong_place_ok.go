// Workers write under a mutex; the spawner sums the results after wg.Wait().
package wg_wrong_place_ok

import "sync"

// SumSquares computes squares concurrently and sums them once all are done.
func SumSquares(n int) int {
	results := map[int]int{}
	var mu sync.Mutex
	var wg sync.WaitGroup
	for i := 1; i <= n; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			mu.Lock()
			results[i] = i * i
			mu.Unlock()
		}(i)
	}
	wg.Wait()
	sum := 0
	for _, v := range results {
		sum += v
	}
	return sum
}
