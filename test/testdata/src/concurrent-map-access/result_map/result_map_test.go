package result_map

import "testing"

func TestInit(t *testing.T) {
	Init([]string{"static", "health"}, []string{"auth"})
}
