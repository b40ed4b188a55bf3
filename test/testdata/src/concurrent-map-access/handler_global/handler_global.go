// An HTTP handler counts visits per path in a package-level map; net/http runs handlers concurrently.
package handler_global

import (
	"fmt"
	"net/http"
)

var visits = map[string]int{}

func count(w http.ResponseWriter, r *http.Request) {
	visits[r.URL.Path]++ // want "map .visits. is written here.*concurrent map writes"
	fmt.Fprintln(w, "counted")
}

// Register installs the visit counter on the default mux.
func Register() {
	http.HandleFunc("/", count)
}
