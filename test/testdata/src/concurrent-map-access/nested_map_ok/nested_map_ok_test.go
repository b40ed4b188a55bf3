package nested_map_ok

import "testing"

func TestTally(t *testing.T) {
	got := Tally([]string{"north"}, []Box{
		{Region: "north", Votes: []string{"ann", "bob"}},
		{Region: "north", Votes: []string{"bob"}},
	})
	if got["north"]["bob"] != 2 || got["north"]["ann"] != 1 {
		t.Fatalf("Tally = %v", got)
	}
}
