// Small Go packages for the CLI tests: one with a map race the flagship rule must report, one without.

/** Workers started in a loop all write the package-level map `hits`: concurrent map writes. */
export const RACY = `package racy

import "sync"

var hits = map[string]int{}

func record(k string, wg *sync.WaitGroup) {
	defer wg.Done()
	hits[k]++
}

func Serve(keys []string) {
	var wg sync.WaitGroup
	for _, k := range keys {
		wg.Add(1)
		go record(k, &wg)
	}
	wg.Wait()
}
`;

/** The same shapes without a race: a mutex, a map filled before the goroutines start, reads after Wait. */
export const RACE_FREE = `package clean

import "sync"

var (
	mu   sync.Mutex
	hits = map[string]int{}
)

func record(k string, wg *sync.WaitGroup) {
	defer wg.Done()
	mu.Lock()
	hits[k]++
	mu.Unlock()
}

func Serve(keys []string) int {
	limits := map[string]int{}
	for _, k := range keys {
		limits[k] = len(k)
	}
	results := make(map[string]int)
	var wg sync.WaitGroup
	for _, k := range keys {
		wg.Add(1)
		go func(k string) {
			defer wg.Done()
			_ = limits[k]
		}(k)
		wg.Add(1)
		go record(k, &wg)
	}
	wg.Wait()
	for k, v := range limits {
		results[k] = v
	}
	return len(results)
}
`;
