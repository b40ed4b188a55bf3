// Each worker builds its own histogram (a struct with a map field) and hands it over when done.
package safe_own_instance

type Histogram struct {
	buckets map[int]int
}

func (h *Histogram) Add(v int) {
	h.buckets[v/10]++
}

func (h *Histogram) Merge(o *Histogram) {
	for b, n := range o.buckets {
		h.buckets[b] += n
	}
}

// Build splits the values among workers, each filling its own histogram, and merges the results.
func Build(values []int, workers int) *Histogram {
	parts := make(chan *Histogram)
	for w := 0; w < workers; w++ {
		go func(w int) {
			h := &Histogram{buckets: map[int]int{}}
			for i := w; i < len(values); i += workers {
				h.Add(values[i])
			}
			parts <- h
		}(w)
	}
	total := &Histogram{buckets: map[int]int{}}
	for w := 0; w < workers; w++ {
		total.Merge(<-parts)
	}
	return total
}
