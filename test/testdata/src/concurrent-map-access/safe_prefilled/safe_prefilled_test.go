package safe_prefilled

import "testing"

func TestTranslate(t *testing.T) {
	if got := Translate([]string{"go", "map"}); len(got) != 2 || got[1] != "MAP" {
		t.Fatalf("Translate = %v", got)
	}
}
