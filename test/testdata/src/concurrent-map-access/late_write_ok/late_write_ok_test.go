package late_write_ok

import "testing"

func TestTranslate(t *testing.T) {
	if got := Translate([]string{"go", "map"}); len(got) != 3 || got[2] != "Go" {
		t.Fatalf("Translate = %v", got)
	}
}
