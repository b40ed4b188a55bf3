// A producer and a consumer share a package-level queue map, but the consumer starts after the producer is done.
package two_goroutines_ok

var queue = map[int]string{}

func produce(done chan<- bool) {
	for i := 0; i < 3; i++ {
		queue[i] = "job"
	}
	done <- true
}

func consume(done chan<- bool) {
	for i := 0; i < 3; i++ {
		delete(queue, i)
	}
	done <- true
}

// Run runs the producer, then the consumer.
func Run() int {
	done := make(chan bool)
	go produce(done)
	<-done
	go consume(done)
	<-done
	return len(queue)
}
