// After closing quit, the spawner waits until the worker has stopped before it reads the counts.
package quit_not_wait_ok

// Process counts the jobs in a worker and reads the counts once it has stopped.
func Process(jobs []string) int {
	counts := map[string]int{}
	work := make(chan string)
	quit := make(chan struct{})
	stopped := make(chan struct{})
	go func() {
		defer close(stopped)
		for {
			select {
			case j := <-work:
				counts[j]++
			case <-quit:
				return
			}
		}
	}()
	for _, j := range jobs {
		work <- j
	}
	close(quit)
	<-stopped
	return len(counts)
}
