// Many readers under RLock (released by defer) and one writer under Lock of the same RWMutex.
package safe_readers

import "sync"

var (
	mu     sync.RWMutex
	config = map[string]string{"env": "prod"}
)

func get(key string) string {
	mu.RLock()
	defer mu.RUnlock()
	return config[key]
}

func set(key, value string) {
	mu.Lock()
	config[key] = value
	mu.Unlock()
}

// Reload switches the environment while readers keep reading the config.
func Reload(readers int) int {
	lengths := make(chan int, readers)
	var wg sync.WaitGroup
	for i := 0; i < readers; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			lengths <- len(get("env"))
		}()
	}
	set("env", "staging")
	wg.Wait()
	close(lengths)
	total := 0
	for n := range lengths {
		total += n
	}
	return total
}
