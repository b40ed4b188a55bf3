// The nested goroutine is the one that reports done, after its own write.
package nested_goroutine_ok

// Resolve resolves the names in the background; a nested goroutine adds localhost and reports done.
func Resolve(names []string) int {
	ips := map[string]string{}
	done := make(chan struct{})
	go func() {
		for _, n := range names {
			ips[n] = "10.0.0.1"
		}
		go func() {
			ips["localhost"] = "127.0.0.1"
			close(done)
		}()
	}()
	<-done
	return len(ips)
}
