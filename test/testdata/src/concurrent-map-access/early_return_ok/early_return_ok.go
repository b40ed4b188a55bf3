// The path that does not wait reads only in the `select` case that received from done.
package early_return_ok

// Load loads the settings in the background; with wait=false it answers -1 unless they are loaded.
func Load(keys []string, wait bool) int {
	settings := map[string]string{}
	done := make(chan struct{})
	go func() {
		for _, k := range keys {
			settings[k] = "on"
		}
		close(done)
	}()
	if !wait {
		select {
		case <-done:
			return len(settings)
		default:
			return -1
		}
	}
	<-done
	return len(settings)
}
