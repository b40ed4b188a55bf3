// HTTP handlers only read a routing table filled before any handler is registered.
package safe_handler_readonly

import (
	"fmt"
	"net/http"
)

var redirects = map[string]string{}

func init() {
	redirects["/old"] = "/new"
	redirects["/blog"] = "/posts"
}

func redirect(w http.ResponseWriter, r *http.Request) {
	to, ok := redirects[r.URL.Path]
	if !ok {
		http.NotFound(w, r)
		return
	}
	fmt.Fprintln(w, to)
}

// Register installs the redirect handler on mux.
func Register(mux *http.ServeMux) {
	mux.HandleFunc("/", redirect)
}
