// The goroutine writes a package-level set two calls down; the race is reported in the helper.
package helper_chain

var seen = map[string]bool{}

func store(url string) {
	seen[url] = true // want "map .seen. is written here in the goroutine started at .* while func Visit reads it at .*concurrent map read and map write"
}

func process(urls []string, done chan<- int) {
	for _, u := range urls {
		store(u)
	}
	done <- len(urls)
}

// Visit processes urls in the background and checks one of them meanwhile.
func Visit(urls []string, url string) bool {
	done := make(chan int)
	go process(urls, done)
	found := seen[url] // want "map .seen. is read here in func Visit while the goroutine started at .* writes it at .*concurrent map read and map write"
	<-done
	return found
}
