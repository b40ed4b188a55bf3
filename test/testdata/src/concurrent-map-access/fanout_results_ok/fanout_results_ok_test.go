package fanout_results_ok

import "testing"

func TestResolveAll(t *testing.T) {
	var r Resolver
	if got := r.ResolveAll([]string{"a", "b", "c", "d"}); len(got) != 4 || got["a"] != "A.example" {
		t.Fatalf("ResolveAll = %v", got)
	}
}
