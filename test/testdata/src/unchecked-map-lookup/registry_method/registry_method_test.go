package registry_method

import "testing"

func TestDispatch(t *testing.T) {
	r := NewRouter()
	if got := r.Dispatch("/"); got != "root" {
		t.Fatalf("Dispatch(/) = %q", got)
	}
	if got := r.Dispatch("/missing"); got != "" {
		t.Fatalf("Dispatch(/missing) = %q", got)
	}
}
