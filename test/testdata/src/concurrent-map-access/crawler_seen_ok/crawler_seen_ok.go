// A crawler follows links concurrently and skips pages it has seen; check-and-mark happens under one lock.
package crawler_seen_ok

import "sync"

// Site maps each page to the pages it links to.
type Site map[string][]string

func crawl(site Site, page string, seen map[string]bool, mu *sync.Mutex, wg *sync.WaitGroup) {
	defer wg.Done()
	mu.Lock()
	if seen[page] {
		mu.Unlock()
		return
	}
	seen[page] = true
	mu.Unlock()
	for _, next := range site[page] {
		wg.Add(1)
		go crawl(site, next, seen, mu, wg)
	}
}

// Crawl visits every page reachable from start and returns how many it found.
func Crawl(site Site, start string) int {
	seen := map[string]bool{}
	var (
		mu sync.Mutex
		wg sync.WaitGroup
	)
	wg.Add(1)
	go crawl(site, start, seen, &mu, &wg)
	wg.Wait()
	return len(seen)
}
