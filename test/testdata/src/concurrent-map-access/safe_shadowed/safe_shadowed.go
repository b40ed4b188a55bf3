// The goroutine declares its own `m`, shadowing the spawner's map of the same name.
package safe_shadowed

// Letters counts the distinct letters of word in a goroutine while the spawner updates its own map.
func Letters(word string) int {
	m := map[rune]int{}
	done := make(chan int)
	go func() {
		m := map[rune]int{}
		for _, r := range word {
			m[r]++
		}
		done <- len(m)
	}()
	m['!'] = 1
	n := <-done
	return n + len(m)
}
