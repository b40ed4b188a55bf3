// Store has a map field and no mutex: only its loop goroutine touches the map, the other methods talk
// to the loop over channels.
package safe_actor

type request struct {
	key   string
	value int
	reply chan int
}

type Store struct {
	data map[string]int
	reqs chan request
}

func NewStore() *Store {
	s := &Store{data: map[string]int{}, reqs: make(chan request)}
	go s.loop()
	return s
}

func (s *Store) loop() {
	for r := range s.reqs {
		if r.reply == nil {
			s.data[r.key] += r.value
			continue
		}
		r.reply <- s.data[r.key]
	}
}

// Add adds v to the value of k.
func (s *Store) Add(k string, v int) { s.reqs <- request{key: k, value: v} }

// Get returns the value of k.
func (s *Store) Get(k string) int {
	reply := make(chan int)
	s.reqs <- request{key: k, reply: reply}
	return <-reply
}

// Close stops the loop.
func (s *Store) Close() { close(s.reqs) }
