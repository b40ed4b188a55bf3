// A delayed job marks what it ran in a map from the timer's goroutine; the scheduler counts after it closed done.
package after_func_ok

import "time"

// Schedule runs the jobs after a short delay and reports how many ran.
func Schedule(jobs []string) int {
	ran := map[string]bool{}
	done := make(chan struct{})
	time.AfterFunc(time.Millisecond, func() {
		for _, j := range jobs {
			ran[j] = true
		}
		close(done)
	})
	<-done
	return len(ran)
}
