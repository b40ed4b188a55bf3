// Closing quit asks the worker to stop but does not wait for it: the last job may still be counting.
package quit_not_wait

// Process counts the jobs in a worker and reads the counts right after telling it to quit.
func Process(jobs []string) int {
	counts := map[string]int{}
	work := make(chan string)
	quit := make(chan struct{})
	go func() {
		for {
			select {
			case j := <-work:
				counts[j]++ // want "map .counts. is written here in the goroutine started at .* while func Process reads it at .*concurrent map read and map write"
			case <-quit:
				return
			}
		}
	}()
	for _, j := range jobs {
		work <- j
	}
	close(quit)
	return len(counts) // want "map .counts. is read here in func Process while the goroutine started at .* writes it at .*concurrent map read and map write"
}
