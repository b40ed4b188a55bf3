//go:build foldcase

package safe_build_variants

import "strings"

func (r *Registry) addLocked(name string) {
	r.names[strings.ToLower(name)]++
}

type loader struct{}

func (l *loader) get() int { return 42 }
