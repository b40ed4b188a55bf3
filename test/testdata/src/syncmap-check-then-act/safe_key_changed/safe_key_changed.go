// The Store is under another key than the Load checked: an alias is recorded for a name that has
// no entry of its own, which is not a check-then-act on one key.
package safe_key_changed

import (
	"strings"
	"sync"
)

type Names struct {
	ids sync.Map // name -> id
}

func (n *Names) Resolve(name string, id int) {
	_, ok := n.ids.Load(name)
	if !ok {
		name = strings.ToLower(name)
		n.ids.Store(name, id)
	}
}
