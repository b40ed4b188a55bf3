// A tracker of running tasks: Finish removes a task and says how long it ran.
package finish_task

import (
	"sync"
	"time"
)

type Task struct{ Started time.Time }

type Tracker struct {
	running sync.Map // id -> *Task
}

func (t *Tracker) Start(id string, now time.Time) { t.running.Store(id, &Task{Started: now}) }

// Finish removes the task and returns how long it ran.
func (t *Tracker) Finish(id string, now time.Time) (time.Duration, bool) {
	v, ok := t.running.LoadAndDelete(id)
	if !ok {
		return 0, false
	}
	t.running.Delete(id) // want "`t.running.Delete\\(id\\)` is redundant: `t.running.LoadAndDelete\\(id\\)` at finish_task.go:19 already deleted the key"
	return now.Sub(v.(*Task).Started), true
}
