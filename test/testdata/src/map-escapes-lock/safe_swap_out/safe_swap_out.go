// Flush detaches the pending batch under the lock and installs a fresh map; the old one is the caller's
// alone, so sending it after unlocking races with nothing.
package safe_swap_out

import "sync"

type Batcher struct {
	mu      sync.Mutex
	pending map[string]int
}

func NewBatcher() *Batcher {
	return &Batcher{pending: map[string]int{}}
}

// Add counts one more event for key in the current batch.
func (b *Batcher) Add(key string) {
	b.mu.Lock()
	b.pending[key]++
	b.mu.Unlock()
}

// Flush hands the current batch to send and starts a new one.
func (b *Batcher) Flush(send func(string, int)) {
	b.mu.Lock()
	pending := b.pending
	b.pending = make(map[string]int)
	b.mu.Unlock()
	for k, n := range pending {
		send(k, n)
	}
}
