package safe_key_changed

import "testing"

func TestResolve(t *testing.T) {
	n := &Names{}
	n.Resolve("Ada", 1)
	if v, ok := n.ids.Load("ada"); !ok || v != 1 {
		t.Fatalf("ada = %v, %v", v, ok)
	}
}
