package crawler_seen_ok

import "testing"

func TestCrawl(t *testing.T) {
	n := Crawl(Site{
		"/":        {"/a", "/b", "/c"},
		"/a":       {"/", "/b", "/contact"},
		"/b":       {"/a", "/contact"},
		"/c":       {"/contact"},
		"/contact": {"/"},
	}, "/")
	if n != 5 {
		t.Fatalf("Crawl found %d pages, want 5", n)
	}
}
