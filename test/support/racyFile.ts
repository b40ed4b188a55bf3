// A one-file Go package with one race: line 5 writes in a goroutine, line 6 reads before `<-done`, so it
// is reported at both accesses. `comment` goes at the end (a marker for the test hooks, say).
export const racy = (pkg: string, comment = '') =>
  `package ${pkg}\n\nfunc f() {\n\tm := map[string]int{}\n\tdone := make(chan bool)\n\tgo func() { m["a"] = 1; done <- true }()\n\t_ = m["b"]\n\t<-done\n}\n${comment}`;
