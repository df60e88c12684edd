package schema

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/caselint/caselint/internal/testrecords"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// TestSourceTextIsPlainText checks plainText's shortcut (sourceText)
// against the plain text gathered and collapsed, on every node of every
// record under testdata and of random bodies of headings, tables and
// paragraphs written with escapes, entities, line endings and markup.
func TestSourceTextIsPlainText(t *testing.T) {
	var bodies []string
	testrecords.Each(t, "../testdata", func(_ string, data []byte) { bodies = append(bodies, string(data)) })
	pieces := []string{"Sam Doe", "Wishes and feelings", " ", "  ", "\t", "\n", "\r\n", "\r", "\\*", "&amp;", "&#35;", "**", "_", "`x`", "<b>", "<!-- c -->", "é", "\u00a0", "| ", " |", "O1:", "\\"}
	lines := []string{"## ", "# ", "### ", "| a | b |\n|---|---|\n| ", "- ", "1. ", "", "    ", "> "}
	r := rand.New(rand.NewPCG(18, 2))
	for range 3000 {
		var b strings.Builder
		for range 1 + r.IntN(6) {
			b.WriteString(lines[r.IntN(len(lines))])
			for range r.IntN(6) {
				b.WriteString(pieces[r.IntN(len(pieces))])
			}
			b.WriteString([]string{"\n", "\r\n", "\r", "\n\n", " |\n"}[r.IntN(5)])
		}
		bodies = append(bodies, b.String())
	}
	shortcuts := 0
	for _, body := range bodies {
		src := NewSource("x.md", []byte(body))
		p := &bodyParser{src: src, kind: KindPlan, body: &Body{}}
		p.in = normaliseCR(src.Data)
		doc := markdown().Parse(text.NewReader(p.in))
		_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			if !entering {
				return ast.WalkContinue, nil
			}
			got, ok := p.sourceText(n)
			if !ok {
				return ast.WalkContinue, nil
			}
			shortcuts++
			want, _ := collapseBytes(nil, appendPlain(nil, p.in, n))
			if got != want {
				t.Fatalf("%s node in %q: sourceText %q, plain text %q", n.Kind(), body, got, want)
			}
			return ast.WalkContinue, nil
		})
	}
	if shortcuts < 1000 {
		t.Errorf("only %d nodes read by the shortcut", shortcuts)
	}
}
