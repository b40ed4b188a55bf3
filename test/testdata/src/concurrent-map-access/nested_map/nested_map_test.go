package nested_map

import "testing"

func TestTally(t *testing.T) {
	Tally([]string{"north"}, []Box{
		{Region: "north", Votes: []string{"ann", "bob"}},
		{Region: "north", Votes: []string{"bob"}},
	})
}
