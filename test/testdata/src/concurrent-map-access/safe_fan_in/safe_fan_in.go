// Workers send their results over a channel; only the collecting spawner writes the map.
package safe_fan_in

type result struct {
	word string
	n    int
}

// Lengths measures the words concurrently and collects the lengths in a map.
func Lengths(words []string) int {
	lengths := map[string]int{}
	results := make(chan result)
	for _, w := range words {
		go func(w string) {
			results <- result{w, len(w)}
		}(w)
	}
	for range words {
		r := <-results
		lengths[r.word] = r.n
	}
	total := 0
	for _, n := range lengths {
		total += n
	}
	return total
}
