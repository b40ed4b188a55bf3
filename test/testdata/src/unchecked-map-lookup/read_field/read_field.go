// Sensor positions by id; an unknown id has no sensor.
package read_field

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
	pos := sensors[id].Pos // want `sensors\[id\]. is a nil \*Sensor when .id. is not in the map, and this reads field Pos through it`
	return pos, nil
}
