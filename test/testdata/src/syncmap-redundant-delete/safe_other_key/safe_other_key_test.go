package safe_other_key

import "testing"

func TestComplete(t *testing.T) {
	j := &Jobs{}
	j.pending.Store("j1", "payload")
	j.leases.Store("l1", "j1")
	if v, ok := j.Complete("j1", "l1"); !ok || v != "payload" {
		t.Fatalf("Complete = %q, %v", v, ok)
	}
	if _, ok := j.leases.Load("l1"); ok {
		t.Fatal("the lease is still there")
	}
}
