// Stock returns the inventory's own map while holding the lock; Total ranges over it after the lock is
// released, while Set keeps writing it.
package returns_internal

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
	inv.stock[item] = n // race: the locked writer; the finding is where the escaped map is ranged
	inv.mu.Unlock()
}

// Stock returns the stock levels.
func (inv *Inventory) Stock() map[string]int {
	inv.mu.Lock()
	defer inv.mu.Unlock()
	return inv.stock
}

// Total counts every item in stock.
func Total(inv *Inventory) int {
	total := 0
	for _, n := range inv.Stock() { // want "map .*escapes the lock"
		total += n
	}
	return total
}
