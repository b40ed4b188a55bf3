// Lookups whose key comes from the map itself: ranging over it, or over a slice of its keys.
package safe_range_keys

import "sort"

// User is one account.
type User struct{ Name string }

// Names lists the users' names.
func Names(users map[int]*User) []string {
	var out []string
	for id := range users {
		out = append(out, users[id].Name)
	}
	return out
}

// SortedNames lists the users' names in id order.
func SortedNames(users map[int]*User) []string {
	ids := make([]int, 0, len(users))
	for id := range users {
		ids = append(ids, id)
	}
	sort.Ints(ids)
	var out []string
	for _, id := range ids {
		out = append(out, users[id].Name)
	}
	return out
}

// IndexedNames lists the users' names through a slice of their ids filled by index.
func IndexedNames(users map[int]*User) []string {
	ids := make([]int, len(users))
	i := 0
	for id := range users {
		ids[i] = id
		i++
	}
	out := make([]string, 0, len(ids))
	for _, id := range ids {
		out = append(out, users[id].Name)
	}
	return out
}
