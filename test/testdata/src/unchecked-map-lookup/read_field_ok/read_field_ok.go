// Sensor positions by id; an unknown id has no sensor.
package read_field_ok

import "errors"

// Point is a position.
type Point struct{ X, Y int }

// Sensor is one device.
type Sensor struct {
	ID  string
	Pos Point
}

var errNoSensor = errors.New("no such sensor")

// Locate returns where sensor id is.
func Locate(sensors map[string]*Sensor, id string) (Point, error) {
	s, ok := sensors[id]
	if !ok {
		return Point{}, errNoSensor
	}
	pos := s.Pos
	return pos, nil
}
