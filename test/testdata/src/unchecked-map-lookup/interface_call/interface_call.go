// Areas of named shapes; a name with no shape gives a nil Shape.
package interface_call

// Shape is anything with an area.
type Shape interface {
	Area() float64
}

// Square is a Shape.
type Square struct{ Side float64 }

// Area of the square.
func (s Square) Area() float64 { return s.Side * s.Side }

// Shapes names shapes.
type Shapes map[string]Shape

// Total sums the areas of the named shapes.
func Total(shapes Shapes, names []string) float64 {
	total := 0.0
	for _, n := range names {
		total += shapes[n].Area() // want `shapes\[n\]. is a nil Shape when .n. is not in the map, and this calls method Area on it`
	}
	return total
}
