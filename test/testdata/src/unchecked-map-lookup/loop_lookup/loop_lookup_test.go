package loop_lookup

import "testing"

func TestSum(t *testing.T) {
	catalog := map[string]*Item{"tea": {Name: "tea", Price: 3}}
	if got := Sum(catalog, []string{"tea", "cake", "tea"}); got != 6 {
		t.Fatalf("Sum = %d", got)
	}
}
