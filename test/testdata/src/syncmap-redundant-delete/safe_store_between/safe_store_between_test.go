package safe_store_between

import "testing"

func TestReplace(t *testing.T) {
	r := &Registry{}
	r.m.Store("a", "1")
	if old := r.Replace("a", ""); old != "1" {
		t.Fatalf("old = %q", old)
	}
	if _, ok := r.m.Load("a"); ok {
		t.Fatal("an empty value was kept")
	}
}
