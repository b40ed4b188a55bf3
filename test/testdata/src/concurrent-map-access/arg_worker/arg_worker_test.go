package arg_worker

import "testing"

func TestDedup(t *testing.T) {
	Dedup([]string{"a", "b"}, []string{"b", "c"})
}
