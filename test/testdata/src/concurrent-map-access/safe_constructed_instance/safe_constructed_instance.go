// Every call gets its own encoder from a constructor (called in a chain, as a (value, error) result,
// through a Must-style wrapper, or by a method returning its receiver), and the map sits in a state
// struct the encoder holds by value: concurrent calls share no map.
package safe_constructed_instance

import (
	"errors"
	"strings"
)

type state struct {
	seen map[string]bool
}

func (s *state) first(w string) bool {
	if s.seen[w] {
		return false
	}
	s.seen[w] = true
	return true
}

type Encoder struct {
	st  state
	out strings.Builder
}

func newEncoder() *Encoder {
	e := &Encoder{st: state{seen: map[string]bool{}}}
	return e
}

func openEncoder(prefix string) (*Encoder, error) {
	if prefix == "" {
		return nil, errors.New("empty prefix")
	}
	e := newEncoder()
	e.out.WriteString(prefix)
	return e, nil
}

func must(e *Encoder, err error) *Encoder {
	if err != nil {
		panic(err)
	}
	return e
}

// Add writes each word the encoder has not seen yet.
func (e *Encoder) Add(words ...string) *Encoder {
	for _, w := range words {
		if e.st.first(w) {
			e.out.WriteString(w)
		}
	}
	return e
}

// Distinct writes the distinct words.
func Distinct(words []string) string {
	return newEncoder().Add(words...).out.String()
}

// Prefixed writes prefix and the distinct words.
func Prefixed(prefix string, words []string) (string, error) {
	e, err := openEncoder(prefix)
	if err != nil {
		return "", err
	}
	return e.Add(words...).out.String(), nil
}

// MustPrefixed is Prefixed for a prefix known to be valid.
func MustPrefixed(prefix string, words []string) string {
	e := must(openEncoder(prefix)).Add(words...)
	if len(e.st.seen) == 0 {
		return prefix
	}
	return e.out.String()
}
