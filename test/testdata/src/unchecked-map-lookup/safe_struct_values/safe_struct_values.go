// Maps of struct values: a missing key gives a zero struct, whose fields read fine.
package safe_struct_values

// Point is a position.
type Point struct{ X, Y int }

// Dist is how far a named point is from the origin (0 for an unknown name).
func Dist(points map[string]Point, name string) int {
	p := points[name]
	return abs(p.X) + abs(points[name].Y)
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
