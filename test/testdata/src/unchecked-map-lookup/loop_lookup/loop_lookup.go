// An order names items of a catalog; an item that is not in the catalog has no price.
package loop_lookup

// Item is something for sale.
type Item struct {
	Name  string
	Price int
}

// Sum adds up the prices of the ordered items.
func Sum(catalog map[string]*Item, order []string) int {
	sum := 0
	for _, name := range order {
		item := catalog[name] // want `.item. is a nil \*Item when .name. is not in map .catalog., and .item.Price. on line 15 reads field Price through it`
		sum += item.Price
	}
	return sum
}
