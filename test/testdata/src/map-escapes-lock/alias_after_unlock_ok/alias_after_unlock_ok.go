// Publish copies the subscribers under the lock and calls them after releasing it.
package alias_after_unlock_ok

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
	b.subs[name] = fn
	b.mu.Unlock()
}

// Publish delivers msg to every subscriber without holding the lock during the calls.
func (b *Broker) Publish(msg string) {
	b.mu.Lock()
	subs := make([]func(string), 0, len(b.subs))
	for _, fn := range b.subs {
		subs = append(subs, fn)
	}
	b.mu.Unlock()
	for _, fn := range subs {
		fn(msg)
	}
}
