// Moving a job from pending to done: the Delete is of another key (the job's lease), not the one the
// LoadAndDelete removed.
package safe_other_key

import "sync"

type Jobs struct {
	pending sync.Map // id -> string
	leases  sync.Map // lease id -> job id
}

func (j *Jobs) Complete(id, lease string) (string, bool) {
	v, ok := j.pending.LoadAndDelete(id)
	j.pending.Delete(lease)
	j.leases.Delete(lease)
	if !ok {
		return "", false
	}
	return v.(string), true
}
