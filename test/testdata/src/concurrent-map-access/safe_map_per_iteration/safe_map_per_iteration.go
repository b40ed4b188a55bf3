// Each loop iteration creates its own map and gives it to its own goroutine.
package safe_map_per_iteration

// Distinct counts the distinct words of every line, one goroutine per line.
func Distinct(lines [][]string) int {
	counts := make(chan int)
	for _, line := range lines {
		seen := map[string]bool{}
		go func(line []string) {
			for _, w := range line {
				seen[w] = true
			}
			counts <- len(seen)
		}(line)
	}
	total := 0
	for range lines {
		total += <-counts
	}
	return total
}
