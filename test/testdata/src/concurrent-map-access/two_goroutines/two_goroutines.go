// Two different goroutines, a producer and a consumer, share a package-level queue map.
package two_goroutines

var queue = map[int]string{}

func produce(done chan<- bool) {
	for i := 0; i < 3; i++ {
		queue[i] = "job" // want "map .queue. is written here in the goroutine started at .* while the goroutine started at .* writes it at .*concurrent map writes"
	}
	done <- true
}

func consume(done chan<- bool) {
	for i := 0; i < 3; i++ {
		delete(queue, i) // want "map .queue. is written here in the goroutine started at .* while the goroutine started at .* writes it at .*concurrent map writes"
	}
	done <- true
}

// Run starts the producer and the consumer together.
func Run() {
	done := make(chan bool)
	go produce(done)
	go consume(done)
	<-done
	<-done
}
