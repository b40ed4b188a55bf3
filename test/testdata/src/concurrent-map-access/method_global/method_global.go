// A method started with `go` updates a package-level hit counter; the spawner counts it meanwhile.
package method_global

var hits = map[string]int{}

type Crawler struct {
	pages []string
}

func (c *Crawler) run(done chan<- struct{}) {
	for _, p := range c.pages {
		hits[p]++ // want "map .hits. is written here in the goroutine started at .* while func Crawl reads it at .*concurrent map read and map write"
	}
	close(done)
}

// Crawl visits the pages in the background and reports how many were hit so far.
func Crawl(pages []string) int {
	c := &Crawler{pages: pages}
	done := make(chan struct{})
	go c.run(done)
	visited := len(hits) // want "map .hits. is read here in func Crawl while the goroutine started at .* writes it at .*concurrent map read and map write"
	<-done
	return visited
}
