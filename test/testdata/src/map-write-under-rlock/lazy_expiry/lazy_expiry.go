// A token cache drops expired tokens when it finds them, but Get holds only the read lock: two Gets of
// the same expired token delete it together.
package lazy_expiry

import (
	"sync"
	"time"
)

type entry struct {
	user    string
	expires time.Time
}

type Tokens struct {
	mu   sync.RWMutex
	data map[string]entry
}

func NewTokens() *Tokens {
	return &Tokens{data: map[string]entry{}}
}

// Put stores a token for ttl.
func (t *Tokens) Put(token, user string, ttl time.Duration) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.data[token] = entry{user: user, expires: time.Now().Add(ttl)}
}

// Get returns the token's user, forgetting the token if it has expired.
func (t *Tokens) Get(token string) (string, bool) {
	t.mu.RLock()
	defer t.mu.RUnlock()
	e, ok := t.data[token] // race: the reading side of the delete below; the fix (Lock) belongs there
	if ok && time.Now().After(e.expires) {
		delete(t.data, token) // want "map .t.data. is written here while only .*RLock.* is held"
		return "", false
	}
	return e.user, ok
}
