package result_map_ok

import "testing"

func TestInit(t *testing.T) {
	if n := Init([]string{"static", "health"}, []string{"auth"}); n != 3 {
		t.Fatalf("Init = %d, want 3", n)
	}
}
