// A package-level map written by a function started with `go`; the spawner lists it after `<-done`.
package global_worker_ok

var registry = map[string]int{}

func register(names []string, done chan<- bool) {
	for i, n := range names {
		registry[n] = i
	}
	done <- true
}

// Names registers names in the background and lists the registry once that is done.
func Names(names []string) []string {
	done := make(chan bool)
	go register(names, done)
	<-done
	var out []string
	for n := range registry {
		out = append(out, n)
	}
	return out
}
