package arg_closure_ok

import "testing"

func TestExpire(t *testing.T) {
	if !Expire(map[string]int{"a": 1, "b": 2}, []string{"a"}, "b") {
		t.Fatal("user b should still have a session")
	}
}
