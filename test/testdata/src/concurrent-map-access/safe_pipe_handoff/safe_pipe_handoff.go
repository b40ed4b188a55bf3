// A request's handler goroutine reads the params first and then its body from an io.Pipe; the loop
// parses later params records only after Write on the pipe returned, which it does once the handler
// has read the data: the params reads happen before those writes.
package safe_pipe_handoff

import (
	"io"
	"sort"
	"strings"
)

type request struct {
	params map[string]string
	raw    []string
	pw     *io.PipeWriter
}

func (r *request) parse() {
	for _, kv := range r.raw {
		k, v, _ := strings.Cut(kv, "=")
		r.params[k] = v
	}
	r.raw = nil
}

func serveRequest(req *request, body io.ReadCloser, out chan<- string) {
	var keys []string
	for k := range req.params {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	data, _ := io.ReadAll(body)
	out <- strings.Join(keys, ",") + ":" + string(data)
}

// Serve follows the records: "P k=v" buffers a param, "P" parses the buffered ones, "S data" sends body
// data (the first starts the handler), "E" ends the body.
func Serve(records []string, out chan<- string) {
	req := &request{params: map[string]string{}}
	for _, rec := range records {
		switch {
		case rec == "P":
			req.parse()
		case strings.HasPrefix(rec, "P "):
			req.raw = append(req.raw, rec[2:])
		case strings.HasPrefix(rec, "S "):
			if req.pw == nil {
				var body io.ReadCloser
				body, req.pw = io.Pipe()
				go serveRequest(req, body, out)
			}
			req.pw.Write([]byte(rec[2:]))
		case rec == "E" && req.pw != nil:
			req.pw.Close()
		}
	}
}
