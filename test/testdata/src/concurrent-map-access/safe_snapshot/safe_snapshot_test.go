package safe_snapshot

import "testing"

func TestPlayers(t *testing.T) {
	if got := Players([]string{"ann", "bob"}); len(got) > 2 {
		t.Fatalf("Players = %v", got)
	}
}
