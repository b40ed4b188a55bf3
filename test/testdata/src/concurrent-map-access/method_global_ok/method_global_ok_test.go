package method_global_ok

import "testing"

func TestCrawl(t *testing.T) {
	if got := Crawl([]string{"/", "/about"}); got != 2 {
		t.Fatalf("Crawl = %d, want 2", got)
	}
}
