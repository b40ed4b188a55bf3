package handler_global_ok

import (
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
)

func TestCount(t *testing.T) {
	Register()
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		http.DefaultServeMux.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", "/a", nil))
	}()
	go func() {
		defer wg.Done()
		count(httptest.NewRecorder(), httptest.NewRequest("GET", "/a", nil))
	}()
	wg.Wait()
	mu.Lock()
	defer mu.Unlock()
	if visits["/a"] != 2 {
		t.Fatalf("visits = %v", visits)
	}
}
