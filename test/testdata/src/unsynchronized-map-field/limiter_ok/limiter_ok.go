// A rate-limiting middleware counts requests per client in a map field guarded by the limiter's mutex.
package limiter_ok

import (
	"net/http"
	"sync"
)

type Limiter struct {
	max  int
	mu   sync.Mutex
	seen map[string]int
	next http.Handler
}

func NewLimiter(max int, next http.Handler) *Limiter {
	return &Limiter{max: max, seen: map[string]int{}, next: next}
}

func (l *Limiter) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	l.mu.Lock()
	n := l.seen[r.RemoteAddr] + 1
	l.seen[r.RemoteAddr] = n
	l.mu.Unlock()
	if n > l.max {
		http.Error(w, "slow down", http.StatusTooManyRequests)
		return
	}
	l.next.ServeHTTP(w, r)
}
