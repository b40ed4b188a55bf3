package go_helper_ok

import "testing"

func TestBuildIndex(t *testing.T) {
	got := BuildIndex([]string{"intro.md", "faq.md"}, []string{"Intro", "FAQ"})
	if len(got) != 4 || got["faq.md"] != 1 || got["FAQ"] != -2 {
		t.Fatalf("BuildIndex = %v", got)
	}
}
