package safe_handler_readonly

import (
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
)

func TestRedirect(t *testing.T) {
	mux := http.NewServeMux()
	Register(mux)
	var wg sync.WaitGroup
	for _, p := range []string{"/old", "/blog", "/none"} {
		wg.Add(1)
		go func(p string) {
			defer wg.Done()
			mux.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", p, nil))
		}(p)
	}
	wg.Wait()
}
