// Only one path waits for the loader; the other reads what it has while the loader still writes.
package early_return

// Load loads the settings in the background; with wait=false it answers with what is there already.
func Load(keys []string, wait bool) int {
	settings := map[string]string{}
	done := make(chan struct{})
	go func() {
		for _, k := range keys {
			settings[k] = "on" // want "map .settings. is written here in the goroutine started at .* while func Load reads it at .*concurrent map read and map write"
		}
		close(done)
	}()
	if !wait {
		return len(settings) // want "map .settings. is read here in func Load while the goroutine started at .* writes it at .*concurrent map read and map write"
	}
	<-done
	return len(settings)
}
