package vcs

import "bytes"

// splitLines splits data into lines, each without its "\n" (a "\r" before
// it stays: a line whose ending changed has changed). A final line without
// "\n" is a line; an empty data has no lines.
func splitLines(data []byte) [][]byte {
	if len(data) == 0 {
		return nil
	}
	lines := bytes.SplitAfter(data, []byte("\n"))
	if len(lines[len(lines)-1]) == 0 {
		lines = lines[:len(lines)-1]
	}
	for i, l := range lines {
		lines[i] = bytes.TrimSuffix(l, []byte("\n"))
	}
	return lines
}

// matchLines returns, for each line of b, the index of the line of a it is
// kept from in a shortest edit script from a to b (a longest common
// subsequence of lines), or -1 for a line b adds or changes. It is the
// Myers difference algorithm, in linear space (bisecting on the middle
// snake, as diff-match-patch does).
func matchLines(a, b [][]byte) []int {
	ids := map[string]int{}
	intern := func(ls [][]byte) []int {
		out := make([]int, len(ls))
		for i, l := range ls {
			id, ok := ids[string(l)]
			if !ok {
				id = len(ids)
				ids[string(l)] = id
			}
			out[i] = id
		}
		return out
	}
	d := &differ{a: intern(a), b: intern(b)}
	d.match = make([]int, len(b))
	for i := range d.match {
		d.match[i] = -1
	}
	d.diff(0, len(a), 0, len(b))
	return d.match
}

type differ struct {
	a, b  []int
	match []int
}

// diff matches a[alo:ahi] against b[blo:bhi].
func (d *differ) diff(alo, ahi, blo, bhi int) {
	for alo < ahi && blo < bhi && d.a[alo] == d.b[blo] {
		d.match[blo] = alo
		alo++
		blo++
	}
	for alo < ahi && blo < bhi && d.a[ahi-1] == d.b[bhi-1] {
		ahi--
		bhi--
		d.match[bhi] = ahi
	}
	if alo == ahi || blo == bhi {
		return
	}
	x, y, ok := d.bisect(alo, ahi, blo, bhi)
	if !ok {
		return // nothing in common
	}
	d.diff(alo, x, blo, y)
	d.diff(x, ahi, y, bhi)
}

// bisect finds where a shortest edit script of a[alo:ahi] into b[blo:bhi]
// crosses its middle, running it from both ends at once; ok is false when
// the two have nothing in common.
func (d *differ) bisect(alo, ahi, blo, bhi int) (x, y int, ok bool) {
	a, b := d.a[alo:ahi], d.b[blo:bhi]
	n, m := len(a), len(b)
	maxD := (n + m + 1) / 2
	off := maxD
	vlen := 2*maxD + 2
	v1 := make([]int, vlen)
	v2 := make([]int, vlen)
	for i := range v1 {
		v1[i], v2[i] = -1, -1
	}
	v1[off+1], v2[off+1] = 0, 0
	delta := n - m
	front := delta%2 != 0
	k1start, k1end, k2start, k2end := 0, 0, 0, 0
	for dd := 0; dd < maxD; dd++ {
		for k1 := -dd + k1start; k1 <= dd-k1end; k1 += 2 {
			k1off := off + k1
			var x1 int
			if k1 == -dd || (k1 != dd && v1[k1off-1] < v1[k1off+1]) {
				x1 = v1[k1off+1]
			} else {
				x1 = v1[k1off-1] + 1
			}
			y1 := x1 - k1
			for x1 < n && y1 < m && a[x1] == b[y1] {
				x1++
				y1++
			}
			v1[k1off] = x1
			switch {
			case x1 > n:
				k1end += 2
			case y1 > m:
				k1start += 2
			case front:
				k2off := off + delta - k1
				if k2off >= 0 && k2off < vlen && v2[k2off] != -1 {
					if x1 >= n-v2[k2off] {
						return alo + x1, blo + y1, true
					}
				}
			}
		}
		for k2 := -dd + k2start; k2 <= dd-k2end; k2 += 2 {
			k2off := off + k2
			var x2 int
			if k2 == -dd || (k2 != dd && v2[k2off-1] < v2[k2off+1]) {
				x2 = v2[k2off+1]
			} else {
				x2 = v2[k2off-1] + 1
			}
			y2 := x2 - k2
			for x2 < n && y2 < m && a[n-x2-1] == b[m-y2-1] {
				x2++
				y2++
			}
			v2[k2off] = x2
			switch {
			case x2 > n:
				k2end += 2
			case y2 > m:
				k2start += 2
			case !front:
				k1off := off + delta - k2
				if k1off >= 0 && k1off < vlen && v1[k1off] != -1 {
					x1 := v1[k1off]
					y1 := off + x1 - k1off
					if x1 >= n-x2 {
						return alo + x1, blo + y1, true
					}
				}
			}
		}
	}
	return 0, 0, false
}
