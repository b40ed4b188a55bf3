package arg_closure

import "testing"

func TestExpire(t *testing.T) {
	Expire(map[string]int{"a": 1, "b": 2}, []string{"a"}, "b")
}
