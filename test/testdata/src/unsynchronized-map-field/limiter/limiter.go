// A rate-limiting middleware counts requests per client in a map field with no mutex; net/http calls
// ServeHTTP concurrently.
package limiter

import "net/http"

type Limiter struct {
	max  int
	seen map[string]int // want "field .Limiter.seen. is a map accessed by methods that run concurrently"
	next http.Handler
}

func NewLimiter(max int, next http.Handler) *Limiter {
	return &Limiter{max: max, seen: map[string]int{}, next: next}
}

func (l *Limiter) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	n := l.seen[r.RemoteAddr] + 1 // want "map .l.seen. is read here.*concurrent map read and map write"
	l.seen[r.RemoteAddr] = n      // want "map .l.seen. is written here.*concurrent map (writes|read and map write)"
	if n > l.max {
		http.Error(w, "slow down", http.StatusTooManyRequests)
		return
	}
	l.next.ServeHTTP(w, r)
}
