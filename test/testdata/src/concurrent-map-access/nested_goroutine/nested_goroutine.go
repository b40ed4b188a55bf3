// The worker starts another goroutine and reports done without waiting for it.
package nested_goroutine

// Resolve resolves the names in the background; a nested goroutine adds localhost.
func Resolve(names []string) int {
	ips := map[string]string{}
	done := make(chan struct{})
	go func() {
		for _, n := range names {
			ips[n] = "10.0.0.1"
		}
		go func() {
			ips["localhost"] = "127.0.0.1" // want "map .ips. is written here in the goroutine started at .* while func Resolve reads it at .*concurrent map read and map write"
		}()
		close(done)
	}()
	<-done
	return len(ips) // want "map .ips. is read here in func Resolve while the goroutine started at .* writes it at .*concurrent map read and map write"
}
