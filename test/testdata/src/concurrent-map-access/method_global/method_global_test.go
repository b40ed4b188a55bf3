package method_global

import "testing"

func TestCrawl(t *testing.T) {
	Crawl([]string{"/", "/about"})
}
