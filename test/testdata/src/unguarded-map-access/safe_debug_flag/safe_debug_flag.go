// The pool's debug bookkeeping (one read of it after Unlock) runs only under a constant switch that is
// off: the compiler drops that code.
package safe_debug_flag

import (
	"fmt"
	"sync"
)

const debugPool = false

type Pool struct {
	mu      sync.Mutex
	free    []int
	lastPut map[int]string
}

func NewPool() *Pool {
	return &Pool{lastPut: map[int]string{}}
}

// Put returns id to the pool; returning an id twice is a bug in the caller.
func (p *Pool) Put(id int, caller string) {
	p.mu.Lock()
	for _, f := range p.free {
		if f == id {
			p.mu.Unlock()
			if debugPool {
				fmt.Printf("id %d put twice; first by %s\n", id, p.lastPut[id])
			}
			panic("pool: id put twice")
		}
	}
	if debugPool {
		p.lastPut[id] = caller
	}
	p.free = append(p.free, id)
	p.mu.Unlock()
}

// Len reports how many ids are free.
func (p *Pool) Len() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return len(p.free)
}
