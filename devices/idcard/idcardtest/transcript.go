package idcardtest

import (
	"bufio"
	"bytes"
	"encoding/hex"
	"fmt"
	"io"
	"strings"
)

// Op is one direction's bytes in a transcript: host writes (Write true) or reader replies.
type Op struct {
	Write bool
	Data  []byte
}

// Transcript is an exchange in order. Consecutive ops in one direction are merged.
type Transcript []Op

func (t Transcript) add(write bool, p []byte) Transcript {
	if n := len(t); n > 0 && t[n-1].Write == write {
		t[n-1].Data = append(t[n-1].Data, p...)
		return t
	}
	return append(t, Op{Write: write, Data: bytes.Clone(p)})
}

// Format writes the transcript as text: "> " lines for host writes, "< " lines for
// replies, 32 hex bytes a line.
func (t Transcript) Format(w io.Writer) error {
	bw := bufio.NewWriter(w)
	for _, op := range t {
		mark := "<"
		if op.Write {
			mark = ">"
		}
		for i := 0; i < len(op.Data); i += 32 {
			line := op.Data[i:min(i+32, len(op.Data))]
			fmt.Fprintf(bw, "%s % X\n", mark, line)
		}
	}
	return bw.Flush()
}

// Parse reads a transcript in Format's text; blank lines and "#" comments are skipped.
func Parse(r io.Reader) (Transcript, error) {
	var t Transcript
	sc := bufio.NewScanner(r)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if len(line) < 2 || (line[0] != '>' && line[0] != '<') {
			return nil, fmt.Errorf("idcardtest: line %d: want '>' or '<'", n)
		}
		b, err := hex.DecodeString(strings.ReplaceAll(line[1:], " ", ""))
		if err != nil {
			return nil, fmt.Errorf("idcardtest: line %d: %w", n, err)
		}
		t = t.add(line[0] == '>', b)
	}
	return t, sc.Err()
}
