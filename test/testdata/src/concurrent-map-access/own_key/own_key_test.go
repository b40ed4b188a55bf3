package own_key

import "testing"

func TestShout(t *testing.T) {
	if got := Shout([]string{"go", "map", "race"}, "map"); got != "MAP" {
		t.Fatalf("Shout = %q, want MAP", got)
	}
}
