// Publish takes the subscriber map under the lock but calls the subscribers after releasing it, ranging
// over the same map Subscribe writes.
package alias_after_unlock

import "sync"

type Broker struct {
	mu   sync.Mutex
	subs map[string]func(string)
}

func NewBroker() *Broker {
	return &Broker{subs: map[string]func(string){}}
}

// Subscribe registers fn under name.
func (b *Broker) Subscribe(name string, fn func(string)) {
	b.mu.Lock()
	b.subs[name] = fn // race: the locked writer; the finding is where the escaped map is ranged
	b.mu.Unlock()
}

// Publish delivers msg to every subscriber without holding the lock during the calls.
func (b *Broker) Publish(msg string) {
	b.mu.Lock()
	subs := b.subs
	b.mu.Unlock()
	for _, fn := range subs { // want "map .*escapes the lock"
		fn(msg)
	}
}
