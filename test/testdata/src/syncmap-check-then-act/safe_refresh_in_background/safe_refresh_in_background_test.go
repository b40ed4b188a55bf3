package safe_refresh_in_background

import "testing"

func TestGet(t *testing.T) {
	p := &Prices{}
	if _, ok := p.Get("tea", func(string) int { return 3 }); ok {
		t.Fatal("a price before any refresh")
	}
	p.wg.Wait()
	if v, ok := p.Get("tea", nil); !ok || v != 3 {
		t.Fatalf("price = %v, %v", v, ok)
	}
}
