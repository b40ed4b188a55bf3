// Workers write under a mutex, but the spawner sums the results without it and before wg.Wait().
package wg_wrong_place

import "sync"

// SumSquares computes squares concurrently and sums them too early.
func SumSquares(n int) int {
	results := map[int]int{}
	var mu sync.Mutex
	var wg sync.WaitGroup
	for i := 1; i <= n; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			mu.Lock()
			results[i] = i * i // want "map .results. is written here in the goroutine started at .* while func SumSquares ranges over it at .*concurrent map iteration and map write"
			mu.Unlock()
		}(i)
	}
	sum := 0
	for _, v := range results { // want "map .results. is ranged over here in func SumSquares while the goroutine started at .* writes it at .*concurrent map iteration and map write"
		sum += v
	}
	wg.Wait()
	return sum
}
