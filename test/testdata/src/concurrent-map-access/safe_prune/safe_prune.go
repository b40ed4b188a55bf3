// A goroutine deletes entries while it ranges over the map (legal Go); the spawner reads after `<-done`.
package safe_prune

// Prune drops empty entries in the background and reports how many remain once it is done.
func Prune(stock map[string]int) int {
	done := make(chan struct{})
	go func() {
		defer close(done)
		for k, v := range stock {
			if v == 0 {
				delete(stock, k)
			}
		}
	}()
	<-done
	return len(stock)
}
