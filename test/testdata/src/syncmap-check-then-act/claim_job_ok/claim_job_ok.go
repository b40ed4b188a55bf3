// Workers claim queued jobs by id; a job must run once even when two workers race for it.
package claim_job_ok

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
	v, ok := q.pending.LoadAndDelete(id)
	if !ok {
		return false
	}
	q.OnClaim(id)
	run(v.(Job))
	return true
}
