package catalog

import "strings"

// maxQuery bounds the typed query matched against pinyin (a bit per position).
const maxQuery = 63

// matchPinyin finds where the typed letters q (lower case letters and digits) match n:
// a run of consecutive characters each typed as a non-empty prefix of one of its
// readings ("shebao", "sb", "shebzm", "sbzm" all match 社保证明). It returns the best
// run: the earliest start, then the fewest characters. The match is clean when every
// character but the last was typed whole or as its initial (s, sh, b…), the ways people
// type; a clean match is preferred, and a sloppy one (大 typed "ta" as part of "tai")
// ranks below English words.
func matchPinyin(n *name, q string, qmask uint64) (start, length int, clean, ok bool) {
	if len(q) == 0 || len(q) > maxQuery || n.all&qmask != qmask {
		return 0, 0, false, false
	}
	b0 := letterBit(q[0])
	end := uint64(1) << len(q)
	for s := range n.first {
		if n.first[s]&b0 == 0 {
			continue
		}
		tidy, messy := uint64(1), uint64(0) // query positions reached cleanly / otherwise
		for i := s; i < len(n.chars) && tidy|messy != 0; i++ {
			var nextTidy, nextMessy uint64
			for j := 0; j < len(q); j++ {
				from := uint64(1) << j
				if (tidy|messy)&from == 0 {
					continue
				}
				for _, r := range n.chars[i] {
					for l := 1; l <= len(r) && j+l <= len(q) && q[j+l-1] == r[l-1]; l++ {
						to := uint64(1) << (j + l)
						if tidy&from != 0 && (to == end || wholeOrInitial(r, l)) {
							nextTidy |= to
						} else {
							nextMessy |= to
						}
					}
				}
			}
			if (nextTidy|nextMessy)&end != 0 {
				return s, i - s + 1, nextTidy&end != 0, true
			}
			tidy, messy = nextTidy, nextMessy
		}
	}
	return 0, 0, false, false
}

// wholeOrInitial reports whether typing the first l letters of reading r is the whole
// reading or its initial (one letter, or zh, ch, sh).
func wholeOrInitial(r string, l int) bool {
	return l == len(r) || l == 1 || l == 2 && r[1] == 'h' && (r[0] == 'z' || r[0] == 'c' || r[0] == 's')
}

// wordsMatch reports how many of the query words each begin some word of the name (all
// must), and whether the name starts with the first query word.
func wordsMatch(name, query []string) (matched int, atStart bool) {
	if len(query) == 0 || len(name) == 0 {
		return 0, false
	}
	for _, q := range query {
		found := false
		for _, w := range name {
			if strings.HasPrefix(w, q) {
				found = true
				break
			}
		}
		if !found {
			return 0, false
		}
		matched++
	}
	return matched, strings.HasPrefix(name[0], query[0])
}
