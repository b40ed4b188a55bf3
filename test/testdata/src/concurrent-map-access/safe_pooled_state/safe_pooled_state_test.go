package safe_pooled_state

import "testing"

func TestServe(t *testing.T) {
	got := Serve([]string{"/a", "/b", "/c", "/d"})
	if len(got) != 4 || got[0] != "Path: /a" {
		t.Fatalf("Serve = %q", got)
	}
}
