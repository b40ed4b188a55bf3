package limiter_ok

import (
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
)

func TestLimiter(t *testing.T) {
	l := NewLimiter(1, http.NotFoundHandler())
	codes := make([]int, 2)
	var wg sync.WaitGroup
	for i := range codes {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			rec := httptest.NewRecorder()
			l.ServeHTTP(rec, httptest.NewRequest("GET", "/", nil))
			codes[i] = rec.Code
		}(i)
	}
	wg.Wait()
	if codes[0]+codes[1] != http.StatusNotFound+http.StatusTooManyRequests {
		t.Fatalf("codes = %v, want one 404 and one 429", codes)
	}
}
