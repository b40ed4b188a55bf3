// An order names items of a catalog; an item that is not in the catalog has no price.
package loop_lookup_ok

// Item is something for sale.
type Item struct {
	Name  string
	Price int
}

// Sum adds up the prices of the ordered items.
func Sum(catalog map[string]*Item, order []string) int {
	sum := 0
	for _, name := range order {
		item, ok := catalog[name]
		if !ok {
			continue
		}
		sum += item.Price
	}
	return sum
}
