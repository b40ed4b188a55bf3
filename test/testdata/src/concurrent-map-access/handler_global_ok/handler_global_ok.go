// An HTTP handler counts visits per path in a package-level map, under a mutex: handlers run concurrently.
package handler_global_ok

import (
	"fmt"
	"net/http"
	"sync"
)

var (
	mu     sync.Mutex
	visits = map[string]int{}
)

func count(w http.ResponseWriter, r *http.Request) {
	mu.Lock()
	visits[r.URL.Path]++
	n := visits[r.URL.Path]
	mu.Unlock()
	fmt.Fprintln(w, n)
}

// Register installs the visit counter on the default mux.
func Register() {
	http.HandleFunc("/", count)
}
