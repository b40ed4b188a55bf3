// Sessions record when each user was last seen; a user that never logged in has no entry.
package field_write

import "time"

// User is one account.
type User struct {
	Name     string
	LastSeen time.Time
}

var users = map[int]*User{1: {Name: "ann"}}

// Touch records that user id was seen at t.
func Touch(id int, t time.Time) {
	users[id].LastSeen = t // want `users\[id\]. is a nil \*User when .id. is not in the map, and this writes field LastSeen through it`
}
