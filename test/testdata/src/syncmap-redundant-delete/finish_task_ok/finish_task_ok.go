// A tracker of running tasks: Finish removes a task and says how long it ran.
package finish_task_ok

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
	return now.Sub(v.(*Task).Started), true
}
