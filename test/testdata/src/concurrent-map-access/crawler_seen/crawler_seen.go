// A crawler follows links concurrently and skips pages it has seen; every goroutine shares `seen`.
package crawler_seen

import "sync"

// Site maps each page to the pages it links to.
type Site map[string][]string

func crawl(site Site, page string, seen map[string]bool, wg *sync.WaitGroup) {
	defer wg.Done()
	if seen[page] { // want "map .seen. is read here.*concurrent map read and map write"
		return
	}
	seen[page] = true // want "map .seen. is written here.*concurrent map (writes|read and map write)"
	for _, next := range site[page] {
		wg.Add(1)
		go crawl(site, next, seen, wg)
	}
}

// Crawl visits every page reachable from start and returns how many it found.
func Crawl(site Site, start string) int {
	seen := map[string]bool{}
	var wg sync.WaitGroup
	wg.Add(1)
	go crawl(site, start, seen, &wg)
	wg.Wait()
	return len(seen)
}
