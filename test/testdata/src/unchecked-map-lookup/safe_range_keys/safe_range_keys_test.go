package safe_range_keys

import "testing"

func TestNames(t *testing.T) {
	users := map[int]*User{2: {Name: "bob"}, 1: {Name: "ann"}}
	if got := Names(users); len(got) != 2 {
		t.Fatalf("Names = %v", got)
	}
	if got := SortedNames(users); len(got) != 2 || got[0] != "ann" || got[1] != "bob" {
		t.Fatalf("SortedNames = %v", got)
	}
	if got := IndexedNames(users); len(got) != 2 {
		t.Fatalf("IndexedNames = %v", got)
	}
}
