package fonts

import (
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"sort"
)

// maxFontSize bounds what Load reads: WenQuanYi Micro Hei is about 5 MB.
const maxFontSize = 64 << 20

// Load reads the font at path and returns a standalone TrueType file.
func Load(path string) ([]byte, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("fonts: %w (install fonts-wqy-microhei or set ui.font)", err)
	}
	if fi.Size() > maxFontSize {
		return nil, fmt.Errorf("fonts: %s is %d bytes, more than the %d a font may have", path, fi.Size(), maxFontSize)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("fonts: %w", err)
	}
	ttf, err := Standalone(data)
	if err != nil {
		return nil, fmt.Errorf("fonts: %s: %w", path, err)
	}
	return ttf, nil
}

// Standalone returns data itself when it is a single TrueType or OpenType font, and the
// first font of a collection otherwise, with its tables copied and their offsets rewritten.
func Standalone(data []byte) ([]byte, error) {
	if len(data) < 12 {
		return nil, errors.New("too short to be a font")
	}
	switch tag := string(data[:4]); tag {
	case "\x00\x01\x00\x00", "true", "OTTO":
		return data, nil
	case "ttcf":
		n := binary.BigEndian.Uint32(data[8:12])
		if n == 0 || len(data) < 16 {
			return nil, errors.New("collection holds no font")
		}
		return extract(data, int(binary.BigEndian.Uint32(data[12:16])))
	default:
		return nil, fmt.Errorf("not a TrueType font or collection (starts with %q)", tag)
	}
}

type table struct {
	tag              [4]byte
	sum, off, length uint32
}

// extract copies the font whose offset table starts at off out of a collection.
func extract(data []byte, off int) ([]byte, error) {
	if off < 0 || off+12 > len(data) {
		return nil, errors.New("font offset outside the file")
	}
	head := data[off : off+12]
	num := int(binary.BigEndian.Uint16(head[4:6]))
	dirEnd := off + 12 + 16*num
	if num == 0 || dirEnd > len(data) {
		return nil, errors.New("table directory outside the file")
	}
	tables := make([]table, num)
	for i := range tables {
		rec := data[off+12+16*i:]
		t := &tables[i]
		copy(t.tag[:], rec[:4])
		t.sum = binary.BigEndian.Uint32(rec[4:8])
		t.off = binary.BigEndian.Uint32(rec[8:12])
		t.length = binary.BigEndian.Uint32(rec[12:16])
		if uint64(t.off)+uint64(t.length) > uint64(len(data)) {
			return nil, fmt.Errorf("table %q outside the file", t.tag[:])
		}
	}
	// Lay the tables out in the order they had in the collection.
	order := make([]int, num)
	for i := range order {
		order[i] = i
	}
	sort.Slice(order, func(a, b int) bool { return tables[order[a]].off < tables[order[b]].off })

	size := 12 + 16*num
	for _, t := range tables {
		size += int(pad4(t.length))
	}
	out := make([]byte, 12+16*num, size)
	copy(out, head)
	newOff := make([]uint32, num)
	headAt := -1
	for _, i := range order {
		t := tables[i]
		newOff[i] = uint32(len(out))
		if string(t.tag[:]) == "head" {
			headAt = len(out)
		}
		out = append(out, data[t.off:t.off+t.length]...)
		for len(out)%4 != 0 {
			out = append(out, 0)
		}
	}
	for i, t := range tables {
		rec := out[12+16*i:]
		copy(rec[:4], t.tag[:])
		binary.BigEndian.PutUint32(rec[4:8], t.sum)
		binary.BigEndian.PutUint32(rec[8:12], newOff[i])
		binary.BigEndian.PutUint32(rec[12:16], t.length)
	}
	if headAt >= 0 && headAt+12 <= len(out) {
		// head.checkSumAdjustment makes the whole file sum to 0xB1B0AFBA.
		binary.BigEndian.PutUint32(out[headAt+8:], 0)
		binary.BigEndian.PutUint32(out[headAt+8:], 0xB1B0AFBA-checksum(out))
	}
	return out, nil
}

func pad4(n uint32) uint32 { return (n + 3) &^ 3 }

// checksum is the TrueType table checksum: the sum of big-endian uint32 words.
func checksum(b []byte) uint32 {
	var s uint32
	for i := 0; i < len(b); i += 4 {
		var w [4]byte
		copy(w[:], b[i:])
		s += binary.BigEndian.Uint32(w[:])
	}
	return s
}
