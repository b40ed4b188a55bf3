package safe_read_only_field

import "testing"

func TestDescribe(t *testing.T) {
	got := Describe(NewCodes(), []int{200, 404, 500})
	if got[0] != "OK" || got[1] != "Not Found" || got[2] != "unknown" {
		t.Fatalf("Describe = %v", got)
	}
}
