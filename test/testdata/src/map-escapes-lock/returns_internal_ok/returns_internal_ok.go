// Stock returns a copy made under the lock; Total ranges over the copy while Set keeps writing the original.
package returns_internal_ok

import "sync"

type Inventory struct {
	mu    sync.Mutex
	stock map[string]int
}

func NewInventory() *Inventory {
	return &Inventory{stock: map[string]int{}}
}

// Set records how many of an item are in stock.
func (inv *Inventory) Set(item string, n int) {
	inv.mu.Lock()
	inv.stock[item] = n
	inv.mu.Unlock()
}

// Stock returns a copy of the stock levels.
func (inv *Inventory) Stock() map[string]int {
	inv.mu.Lock()
	defer inv.mu.Unlock()
	cp := make(map[string]int, len(inv.stock))
	for k, v := range inv.stock {
		cp[k] = v
	}
	return cp
}

// Total counts every item in stock.
func Total(inv *Inventory) int {
	total := 0
	for _, n := range inv.Stock() {
		total += n
	}
	return total
}
