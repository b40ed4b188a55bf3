// Load and Store of a type of the package, not of sync.Map: a plain table used by one goroutine.
// maprace must not mistake the method names for sync.Map's.
package safe_not_syncmap

type Table struct {
	m map[string]int
}

func (t *Table) Load(k string) (int, bool) {
	v, ok := t.m[k]
	return v, ok
}

func (t *Table) Store(k string, v int) { t.m[k] = v }

// LoadOrCreate returns the value of k, storing v first when there is none.
func (t *Table) LoadOrCreate(k string, v int) int {
	old, ok := t.Load(k)
	if !ok {
		t.Store(k, v)
		return v
	}
	return old
}
