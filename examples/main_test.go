package main

import "testing"

// TestShop runs the whole service once, so `go test -race ./...` exercises every goroutine main starts.
func TestShop(t *testing.T) {
	main()
}
