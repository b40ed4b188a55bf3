package fanout_results

import "testing"

func TestResolveAll(t *testing.T) {
	var r Resolver
	r.ResolveAll([]string{"a", "b", "c", "d"})
}
