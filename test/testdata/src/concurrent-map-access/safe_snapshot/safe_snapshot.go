// Writers update the scores under a mutex; readers range over a copy made under the same mutex.
package safe_snapshot

import (
	"sort"
	"sync"
)

var (
	mu     sync.Mutex
	scores = map[string]int{}
)

func add(name string, points int, wg *sync.WaitGroup) {
	defer wg.Done()
	mu.Lock()
	scores[name] += points
	mu.Unlock()
}

func snapshot() map[string]int {
	mu.Lock()
	defer mu.Unlock()
	cp := make(map[string]int, len(scores))
	for k, v := range scores {
		cp[k] = v
	}
	return cp
}

// Players adds points in the background and lists the players of a snapshot taken meanwhile.
func Players(names []string) []string {
	var wg sync.WaitGroup
	for i, n := range names {
		wg.Add(1)
		go add(n, i, &wg)
	}
	var out []string
	for name := range snapshot() {
		out = append(out, name)
	}
	sort.Strings(out)
	wg.Wait()
	return out
}
