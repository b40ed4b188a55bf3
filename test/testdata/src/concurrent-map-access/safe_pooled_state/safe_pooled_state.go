// Each request gets a writer whose header state comes from a sync.Pool; the writer is built for that
// request alone and handed to the request's own goroutine, so the goroutines share no header map.
package safe_pooled_state

import (
	"sort"
	"strings"
	"sync"
)

type state struct {
	header map[string]string
	snap   map[string]string
}

var statePool = sync.Pool{New: func() interface{} { return new(state) }}

type writer struct {
	st *state
	id int
}

func newWriter(id int) *writer {
	st := statePool.Get().(*state)
	*st = state{header: map[string]string{}}
	w := &writer{st: st, id: id}
	return w
}

func (w *writer) set(k, v string) {
	w.st.header[k] = v
}

// finish snapshots the header, renders it and returns the state to the pool.
func (w *writer) finish() string {
	st := w.st
	st.snap = make(map[string]string, len(st.header))
	for k, v := range st.header {
		st.snap[k] = v
	}
	var lines []string
	for k, v := range st.snap {
		lines = append(lines, k+": "+v)
	}
	sort.Strings(lines)
	w.st = nil
	statePool.Put(st)
	return strings.Join(lines, "\n")
}

func handle(w *writer, path string, out chan<- string) {
	w.set("Path", path)
	out <- w.finish()
}

// Serve handles every path on its own goroutine and collects the rendered headers.
func Serve(paths []string) []string {
	out := make(chan string)
	for i, p := range paths {
		w := newWriter(i)
		go handle(w, p, out)
	}
	var all []string
	for range paths {
		all = append(all, <-out)
	}
	sort.Strings(all)
	return all
}
