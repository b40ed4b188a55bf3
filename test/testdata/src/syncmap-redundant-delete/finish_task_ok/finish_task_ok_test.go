package finish_task_ok

import (
	"testing"
	"time"
)

func TestFinish(t *testing.T) {
	tr := &Tracker{}
	t0 := time.Unix(100, 0)
	tr.Start("a", t0)
	if d, ok := tr.Finish("a", t0.Add(time.Second)); !ok || d != time.Second {
		t.Fatalf("Finish = %v, %v", d, ok)
	}
	if _, ok := tr.Finish("a", t0); ok {
		t.Fatal("finished twice")
	}
}
