// Tally has a map field and no mutex, but every goroutine counts with its own Tally.
package safe_instance_per_goroutine

type Tally struct {
	words map[string]int
}

func (t *Tally) Add(w string) { t.words[w]++ }

func (t *Tally) Distinct() int { return len(t.words) }

// DistinctPerLine counts the distinct words of each line concurrently.
func DistinctPerLine(lines [][]string) []int {
	out := make([]int, len(lines))
	done := make(chan struct{})
	for i, line := range lines {
		go func(i int, line []string) {
			t := &Tally{words: map[string]int{}}
			for _, w := range line {
				t.Add(w)
			}
			out[i] = t.Distinct()
			done <- struct{}{}
		}(i, line)
	}
	for range lines {
		<-done
	}
	return out
}
