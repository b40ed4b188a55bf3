// A delayed job marks what it ran in a map from the timer's goroutine while the scheduler counts it.
package after_func

import "time"

// Schedule runs the jobs after a short delay and reports how many had run when it returned.
func Schedule(jobs []string) int {
	ran := map[string]bool{}
	done := make(chan struct{})
	time.AfterFunc(time.Millisecond, func() {
		for _, j := range jobs {
			ran[j] = true // want "map .ran. is written here.*concurrent map read and map write"
		}
		close(done)
	})
	n := len(ran) // want "map .ran. is read here.*concurrent map read and map write"
	<-done
	return n
}
