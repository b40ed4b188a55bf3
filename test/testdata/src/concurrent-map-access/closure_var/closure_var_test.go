package closure_var

import "testing"

func TestWords(t *testing.T) {
	Words([]string{"x", "y"}, []string{"y", "z"})
}
