// Package stats computes small statistics in parallel, some of it unsafely.
package stats

import (
	"strings"
	"sync"
)

// WordCounts counts the words of all documents, one goroutine per document.
func WordCounts(docs []string) map[string]int {
	counts := make(map[string]int)
	var wg sync.WaitGroup
	for _, doc := range docs {
		wg.Add(1)
		go func(doc string) {
			defer wg.Done()
			for _, w := range strings.Fields(doc) {
				counts[strings.ToLower(w)]++ // every goroutine writes counts at once
			}
		}(doc)
	}
	wg.Wait()
	return counts
}

// WordCountsSafe is WordCounts with the fix: a mutex guards counts.
func WordCountsSafe(docs []string) map[string]int {
	var mu sync.Mutex
	counts := make(map[string]int)
	var wg sync.WaitGroup
	for _, doc := range docs {
		wg.Add(1)
		go func(doc string) {
			defer wg.Done()
			for _, w := range strings.Fields(doc) {
				mu.Lock()
				counts[strings.ToLower(w)]++
				mu.Unlock()
			}
		}(doc)
	}
	wg.Wait()
	return counts
}

// Lengths gives each goroutine its own map and merges them after receiving: race-free.
func Lengths(docs []string) map[int]int {
	parts := make(chan map[int]int)
	for _, doc := range docs {
		go func(doc string) {
			local := make(map[int]int)
			for _, w := range strings.Fields(doc) {
				local[len(w)]++
			}
			parts <- local
		}(doc)
	}
	total := make(map[int]int)
	for range docs {
		for n, c := range <-parts {
			total[n] += c
		}
	}
	return total
}
