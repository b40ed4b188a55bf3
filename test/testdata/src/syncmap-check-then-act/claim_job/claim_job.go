// Workers claim queued jobs by id; a job must run once even when two workers race for it.
package claim_job

import "sync"

type Job struct{ Name string }

type Queue struct {
	pending sync.Map // id -> Job
	// OnClaim observes claims (metrics, tracing).
	OnClaim func(id string)
}

func (q *Queue) Add(id string, j Job) { q.pending.Store(id, j) }

// Claim runs the job queued under id, if it is still there, and reports whether it did.
func (q *Queue) Claim(id string, run func(Job)) bool {
	v, ok := q.pending.Load(id)
	if !ok {
		return false
	}
	q.OnClaim(id)
	q.pending.Delete(id) // want "`q.pending.Load\\(id\\)` then `q.pending.Delete\\(id\\)`: two goroutines can both load the value.*use LoadAndDelete"
	run(v.(Job))
	return true
}
