package limiter

import (
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
)

func TestLimiter(t *testing.T) {
	l := NewLimiter(1, http.NotFoundHandler())
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			l.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", "/", nil))
		}()
	}
	wg.Wait()
}
