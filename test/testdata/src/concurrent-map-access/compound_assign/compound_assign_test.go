package compound_assign

import "testing"

func TestTotal(t *testing.T) {
	Total([]Sale{{"eu", 1}, {"us", 2}, {"eu", 3}}, "eu")
}
