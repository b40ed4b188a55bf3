// A router dispatches a path to its handler; an unknown path has no handler.
package registry_method_ok

// Handler answers for one route.
type Handler struct {
	name  string
	calls int
}

// Serve counts a call and returns the handler's name.
func (h *Handler) Serve() string {
	h.calls++
	return h.name
}

// Router maps paths to their handlers.
type Router struct {
	routes map[string]*Handler
}

// NewRouter returns a router with one route.
func NewRouter() *Router {
	return &Router{routes: map[string]*Handler{"/": {name: "root"}}}
}

// Dispatch serves path.
func (r *Router) Dispatch(path string) string {
	h, ok := r.routes[path]
	if !ok {
		return ""
	}
	return h.Serve()
}
