// A package-level map written by a function started with `go` and ranged over by the spawner.
package global_worker

var registry = map[string]int{}

func register(names []string, done chan<- bool) {
	for i, n := range names {
		registry[n] = i // want "map .registry. is written here in the goroutine started at .* while func Names ranges over it at .*concurrent map iteration and map write"
	}
	done <- true
}

// Names registers names in the background and lists the registry meanwhile.
func Names(names []string) []string {
	done := make(chan bool)
	go register(names, done)
	var out []string
	for n := range registry { // want "map .registry. is ranged over here in func Names while the goroutine started at .* writes it at .*concurrent map iteration and map write"
		out = append(out, n)
	}
	<-done
	return out
}
