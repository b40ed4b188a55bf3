// Each reaches the map through a locked accessor but ranges over it while still holding the lock.
package safe_range_under_lock

import "sync"

type Roster struct {
	mu      sync.Mutex
	members map[string]int
}

func NewRoster() *Roster {
	return &Roster{members: map[string]int{}}
}

// Join adds a member with a rank.
func (r *Roster) Join(name string, rank int) {
	r.mu.Lock()
	r.members[name] = rank
	r.mu.Unlock()
}

// membersLocked returns the map itself; callers must hold r.mu for as long as they use it.
func (r *Roster) membersLocked() map[string]int {
	return r.members
}

// Each calls fn for every member, holding the lock throughout.
func (r *Roster) Each(fn func(string, int)) {
	r.mu.Lock()
	defer r.mu.Unlock()
	for name, rank := range r.membersLocked() {
		fn(name, rank)
	}
}
