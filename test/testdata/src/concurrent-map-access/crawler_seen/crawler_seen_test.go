package crawler_seen

import "testing"

func TestCrawl(t *testing.T) {
	Crawl(Site{
		"/":        {"/a", "/b", "/c"},
		"/a":       {"/", "/b", "/contact"},
		"/b":       {"/a", "/contact"},
		"/c":       {"/contact"},
		"/contact": {"/"},
	}, "/")
}
