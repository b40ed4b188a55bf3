package closure_var_ok

import "testing"

func TestWords(t *testing.T) {
	if got := Words([]string{"x", "y"}, []string{"y", "z"}); got != 3 {
		t.Fatalf("Words = %d, want 3", got)
	}
}
