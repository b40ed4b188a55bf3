package after_func_ok

import "testing"

func TestSchedule(t *testing.T) {
	if got := Schedule([]string{"backup", "report"}); got != 2 {
		t.Fatalf("Schedule = %d, want 2", got)
	}
}
