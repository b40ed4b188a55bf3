// A method started with `go` updates a package-level hit counter; the spawner counts it after `<-done`.
package method_global_ok

var hits = map[string]int{}

type Crawler struct {
	pages []string
}

func (c *Crawler) run(done chan<- struct{}) {
	for _, p := range c.pages {
		hits[p]++
	}
	close(done)
}

// Crawl visits the pages in the background and reports how many were hit.
func Crawl(pages []string) int {
	c := &Crawler{pages: pages}
	done := make(chan struct{})
	go c.run(done)
	<-done
	return len(hits)
}
