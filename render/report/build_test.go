package report_test

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gpwr/gpwr/render/report"
	"github.com/gpwr/gpwr/render/report/reporttest"
)

var update = flag.Bool("update", false, "rewrite golden files")

// dump writes a Doc as plain text, for the golden file.
func dump(d *report.Doc) string {
	var b strings.Builder
	tp := d.TitlePage
	fmt.Fprintf(&b, "TYTUŁ: %s\nKRÓTKO: %s | %s\n", d.Title, d.Short, d.Gmina)
	fmt.Fprintf(&b, "STRONA TYTUŁOWA: %s / %s / %s / %s / %s / %s / %s / %s / %s %s / %s\n", tp.Kicker, strings.Join(tp.TitleLines, " | "), tp.ForYear, tp.Council, tp.OPS, tp.Resolution, tp.DateText, tp.MonthText, tp.Position, tp.Signatory, tp.Synthetic)
	for _, c := range d.Chapters {
		fmt.Fprintf(&b, "\n%s [%s] poziom %d annex=%v\n", c.Heading(), c.Anchor, c.Level, c.Annex)
		for _, bl := range c.Blocks {
			switch bl.Kind {
			case report.BlockParagraph, report.BlockNote, report.BlockHeading:
				fmt.Fprintf(&b, "  %s: %s\n", bl.Kind, bl.Text)
			case report.BlockList:
				for _, it := range bl.List.Items {
					fmt.Fprintf(&b, "  • %s\n", it)
				}
			case report.BlockTable:
				t := bl.Table
				fmt.Fprintf(&b, "  %s [%s/%s]\n", t.Label(), t.ID, t.Sheet)
				for _, rows := range [][][]report.Cell{t.Header, t.Rows, t.Footer} {
					for _, r := range rows {
						var cs []string
						for _, c := range r {
							s := c.Text
							if c.Hidden {
								s += "(ukryte)"
							}
							if c.Missing {
								s += "(brak)"
							}
							cs = append(cs, s)
						}
						fmt.Fprintf(&b, "    | %s |\n", strings.Join(cs, " | "))
					}
				}
				for _, n := range t.Notes {
					fmt.Fprintf(&b, "    uwaga: %s\n", n)
				}
			case report.BlockChart:
				ch := bl.Chart
				fmt.Fprintf(&b, "  %s [%s, %s] %v\n    alt: %s\n", ch.Label(), ch.ID, ch.Kind, ch.Categories, ch.Alt)
			case report.BlockSignature:
				s := bl.Signature
				fmt.Fprintf(&b, "  PODPIS: %s / %s %s / %s / %s %s\n", s.PlaceDate, s.Position, s.Institution, s.Name, s.PreparedLabel, s.PreparedBy)
			}
		}
	}
	return strings.ReplaceAll(b.String(), "\u00a0", "_")
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	p := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(p)
	if err != nil {
		t.Fatalf("%v (run with -update)", err)
	}
	if string(want) != got {
		t.Errorf("%s differs from the golden file; run go test -update and review the diff", p)
	}
}

func TestBuildGolden(t *testing.T) {
	d, err := report.Build(reporttest.Input())
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "doc.txt.golden", dump(d))
}
