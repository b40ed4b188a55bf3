package stats

import (
	"sort"
	"sync"
)

// Summary describes one latency series.
type Summary struct {
	Count   int
	Median  float64
	Slowest float64
}

// Summarize computes the summaries of all series in parallel.
func Summarize(series map[string][]float64) map[string]Summary {
	results := make(map[string]Summary, len(series))
	var wg sync.WaitGroup
	for name, samples := range series {
		wg.Add(1)
		go func(name string, samples []float64) {
			defer wg.Done()
			results[name] = summarize(samples) // a WaitGroup orders, it does not lock
		}(name, samples)
	}
	wg.Wait()
	return results
}

func summarize(samples []float64) Summary {
	sorted := append([]float64(nil), samples...)
	sort.Float64s(sorted)
	if len(sorted) == 0 {
		return Summary{}
	}
	return Summary{Count: len(sorted), Median: sorted[len(sorted)/2], Slowest: sorted[len(sorted)-1]}
}

// Histogram counts samples per bucket, splitting the work over two goroutines.
func Histogram(samples, buckets []float64) map[float64]int {
	hist := make(map[float64]int, len(buckets))
	for _, b := range buckets {
		hist[b] = 0 // before the goroutines start: race-free
	}
	half := len(samples) / 2
	var wg sync.WaitGroup
	wg.Add(2)
	go fill(hist, buckets, samples[:half], &wg)
	go fill(hist, buckets, samples[half:], &wg)
	wg.Wait()
	return hist
}

// fill is started twice on the same map.
func fill(hist map[float64]int, buckets, samples []float64, wg *sync.WaitGroup) {
	defer wg.Done()
	for _, s := range samples {
		for _, b := range buckets {
			if s <= b {
				hist[b]++
				break
			}
		}
	}
}
