// Replace swaps in a fresh value and drops the key when the fresh value is empty: the Store between
// the LoadAndDelete and the Delete put the key back, so the Delete is not redundant.
package safe_store_between

import "sync"

type Registry struct {
	m sync.Map // key -> string
}

func (r *Registry) Replace(key, fresh string) (old string) {
	v, loaded := r.m.LoadAndDelete(key)
	r.m.Store(key, fresh)
	if fresh == "" {
		r.m.Delete(key)
	}
	if loaded {
		old = v.(string)
	}
	return old
}
