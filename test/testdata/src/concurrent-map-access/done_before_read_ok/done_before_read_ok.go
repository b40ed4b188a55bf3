// The showcase's fix: the spawner reads the result map only after `<-done`.
package done_before_read_ok

import "strings"

// FirstLength measures the words of text in the background and reads one result once it is done.
func FirstLength(text string) int {
	lengths := map[string]int{}
	done := make(chan struct{})
	go func() {
		for _, w := range strings.Fields(text) {
			lengths[w] = len(w)
		}
		close(done)
	}()
	<-done
	return lengths["the"]
}
