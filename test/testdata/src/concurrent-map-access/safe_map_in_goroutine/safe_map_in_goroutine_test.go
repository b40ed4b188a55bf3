package safe_map_in_goroutine

import "testing"

func TestMostCommon(t *testing.T) {
	if got := MostCommon([]string{"aab", "xyy"}); string(got) != "ay" {
		t.Fatalf("MostCommon = %q, want \"ay\"", string(got))
	}
}
