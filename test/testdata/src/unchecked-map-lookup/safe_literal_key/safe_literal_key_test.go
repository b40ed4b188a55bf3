package safe_literal_key

import (
	"strings"
	"testing"
)

func TestFormats(t *testing.T) {
	if JSONIndent() != 2 {
		t.Fatal("indent")
	}
	b := &strings.Builder{}
	b.WriteString("abc")
	if Length(map[string]*strings.Builder{"a": b}, "a") != 3 {
		t.Fatal("length")
	}
}
