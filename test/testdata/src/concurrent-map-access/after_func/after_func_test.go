package after_func

import "testing"

func TestSchedule(t *testing.T) {
	Schedule([]string{"backup", "report"})
}
