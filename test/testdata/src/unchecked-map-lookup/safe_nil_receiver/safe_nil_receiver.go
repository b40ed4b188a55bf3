// Methods that are fine on a nil pointer: they check the receiver, or never touch it.
package safe_nil_receiver

// Node is a tree node; a nil *Node is an empty tree.
type Node struct {
	size  int
	left  *Node
	right *Node
}

// Len is 0 for the empty tree.
func (n *Node) Len() int {
	if n == nil {
		return 0
	}
	return n.size
}

// Kind names the type.
func (n *Node) Kind() string { return "node" }

// Sizes reports the size of each named tree (0 when there is none).
func Sizes(trees map[string]*Node, names []string) (sizes []int, kinds []string) {
	for _, name := range names {
		sizes = append(sizes, trees[name].Len())
		kinds = append(kinds, trees[name].Kind())
	}
	return sizes, kinds
}
