// A map literal's own keys are present, and maps whose value type is unknown are left alone.
package safe_literal_key

import "strings"

// Format is an output format.
type Format struct {
	Ext    string
	Indent int
}

var formats = map[string]*Format{
	"json": {Ext: ".json", Indent: 2},
	"text": {Ext: ".txt"},
}

// JSONIndent is the indent of the json format.
func JSONIndent() int {
	return formats["json"].Indent
}

// Length of a named builder: an imported pointer type, whose methods may be fine on nil.
func Length(bufs map[string]*strings.Builder, name string) int {
	return bufs[name].Len()
}
