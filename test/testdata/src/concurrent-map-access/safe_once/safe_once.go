// A lookup table filled inside sync.Once.Do, which every reader calls first.
package safe_once

import "sync"

var (
	once  sync.Once
	table = map[string]int{}
)

func fill() {
	for i, name := range []string{"zero", "one", "two"} {
		table[name] = i
	}
}

func lookup(name string) int {
	once.Do(fill)
	return table[name]
}

// Sum looks the names up concurrently.
func Sum(names []string) int {
	values := make(chan int)
	for _, n := range names {
		go func(n string) {
			values <- lookup(n)
		}(n)
	}
	sum := 0
	for range names {
		sum += <-values
	}
	return sum
}
