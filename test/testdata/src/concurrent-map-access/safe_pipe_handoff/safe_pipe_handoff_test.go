package safe_pipe_handoff

import "testing"

func TestServe(t *testing.T) {
	out := make(chan string, 1)
	Serve([]string{"P a=1", "P", "S x", "P b=2", "P", "S y", "E"}, out)
	if got := <-out; got != "a:xy" {
		t.Fatalf("got %q, want %q", got, "a:xy")
	}
}
