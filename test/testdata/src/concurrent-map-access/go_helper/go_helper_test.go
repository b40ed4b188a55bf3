package go_helper

import "testing"

func TestBuildIndex(t *testing.T) {
	BuildIndex([]string{"intro.md", "faq.md"}, []string{"Intro", "FAQ"})
}
