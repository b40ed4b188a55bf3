// A token cache drops expired tokens when it finds them: Get reads under the read lock, then takes the
// write lock to delete, checking again because another Get may have got there first.
package lazy_expiry_ok

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
	e, ok := t.data[token]
	t.mu.RUnlock()
	if !ok || time.Now().Before(e.expires) {
		return e.user, ok
	}
	t.mu.Lock()
	if e, ok := t.data[token]; ok && time.Now().After(e.expires) {
		delete(t.data, token)
	}
	t.mu.Unlock()
	return "", false
}
