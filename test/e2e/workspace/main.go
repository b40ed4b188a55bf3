package main

import "fmt"

func main() {
	counts := map[string]int{}
	done := make(chan struct{})
	go func() {
		counts["hits"]++
		close(done)
	}()
	fmt.Println(counts["hits"])
	<-done
	fmt.Println(tally([]string{"a", "b"}))
}
