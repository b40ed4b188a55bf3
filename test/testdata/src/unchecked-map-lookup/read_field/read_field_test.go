package read_field

import "testing"

func TestLocate(t *testing.T) {
	sensors := map[string]*Sensor{"s1": {ID: "s1", Pos: Point{X: 1, Y: 2}}}
	if p, err := Locate(sensors, "s1"); err != nil || p != (Point{X: 1, Y: 2}) {
		t.Fatalf("Locate(s1) = %v, %v", p, err)
	}
	if p, _ := Locate(sensors, "s2"); p != (Point{}) {
		t.Fatalf("Locate(s2) = %v", p)
	}
}
