package interface_call_ok

import "testing"

func TestTotal(t *testing.T) {
	shapes := Shapes{"a": Square{Side: 2}}
	if got := Total(shapes, []string{"a", "b"}); got != 4 {
		t.Fatalf("Total = %v", got)
	}
}
