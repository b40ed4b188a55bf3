package lookup_then_use_ok

import "testing"

func TestBalanceOf(t *testing.T) {
	b := NewBank()
	if n, ok := b.BalanceOf("a1"); !ok || n != 10 {
		t.Fatalf("BalanceOf(a1) = %d, %v", n, ok)
	}
	if n, ok := b.BalanceOf("zz"); ok || n != 0 {
		t.Fatalf("BalanceOf(zz) = %d, %v", n, ok)
	}
}
