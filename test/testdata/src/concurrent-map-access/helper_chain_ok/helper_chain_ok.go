// The goroutine writes a package-level set two calls down under Lock; the spawner reads under RLock.
package helper_chain_ok

import "sync"

var (
	mu   sync.RWMutex
	seen = map[string]bool{}
)

func store(url string) {
	mu.Lock()
	defer mu.Unlock()
	seen[url] = true
}

func process(urls []string, done chan<- int) {
	for _, u := range urls {
		store(u)
	}
	done <- len(urls)
}

// Visit processes urls in the background and checks one of them meanwhile, under the read lock.
func Visit(urls []string, url string) bool {
	done := make(chan int)
	go process(urls, done)
	mu.RLock()
	found := seen[url]
	mu.RUnlock()
	<-done
	return found
}
