package late_write

import "testing"

func TestTranslate(t *testing.T) {
	Translate([]string{"go", "map"})
}
