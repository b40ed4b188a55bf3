// The showcase: a goroutine fills a result map while its spawner already reads it, before `<-done`.
package done_before_read

import "strings"

// FirstLength measures the words of text in the background and peeks at one result too early.
func FirstLength(text string) int {
	lengths := map[string]int{}
	done := make(chan struct{})
	go func() {
		for _, w := range strings.Fields(text) {
			lengths[w] = len(w) // want "map .lengths. is written here in the goroutine started at .* while func FirstLength reads it at .*concurrent map read and map write"
		}
		close(done)
	}()
	first := lengths["the"] // want "map .lengths. is read here in func FirstLength while the goroutine started at .* writes it at .*concurrent map read and map write"
	<-done
	return first
}
