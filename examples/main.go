// Command shop runs a toy inventory and statistics service. It compiles and mostly works, and it
// has the map races that crash real services now and then: run `npm run examples` to see them.
package main

import (
	"fmt"
	"sort"

	"example.com/shop/inventory"
	"example.com/shop/stats"
)

func main() {
	stock := inventory.New(map[string]int{"apple": 5, "pear": 2, "plum": 9})
	orders := []inventory.Order{
		{SKU: "apple", Qty: 3}, {SKU: "pear", Qty: 4}, {SKU: "plum", Qty: 1},
		{SKU: "apple", Qty: 3}, {SKU: "kiwi", Qty: 1}, {SKU: "pear", Qty: 1},
	}
	failed := inventory.ProcessOrders(stock, orders)
	fmt.Println("failed orders:", failed)
	fmt.Println("restocked:", inventory.Restock(stock, []string{"apple", "pear", "kiwi"}))

	words := stats.WordCounts([]string{"red apple", "green apple", "red pear"})
	fmt.Println("words:", words, "safe:", stats.WordCountsSafe([]string{"a b", "b c"}))

	series := map[string][]float64{"checkout": {12, 15, 30}, "search": {3, 4, 80, 5}}
	summaries := stats.Summarize(series)
	names := make([]string, 0, len(summaries))
	for name := range summaries {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		fmt.Printf("%s: %+v\n", name, summaries[name])
	}
	fmt.Println("histogram:", stats.Histogram([]float64{1, 7, 12, 30, 2, 9}, []float64{5, 10, 50}))
	fmt.Println("lengths:", stats.Lengths([]string{"a bb", "ccc"}))
	fmt.Println("crawled:", len(stats.Crawl([]string{"/a", "/b", "/c"}, func(done, total int) {
		fmt.Printf("progress %d/%d\n", done, total)
	})))
}
