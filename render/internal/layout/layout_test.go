package layout

import (
	"testing"

	"github.com/gpwr/gpwr/render/report"
)

func TestRow(t *testing.T) {
	v := int64(45)
	withPlaceholders := []report.Cell{{}, {Text: "Razem", Span: 3}, {}, {}, {Text: "45", Value: &v}}
	without := []report.Cell{{}, {Text: "Razem", Span: 3}, {Text: "45", Value: &v}}
	for name, row := range map[string][]report.Cell{"placeholders": withPlaceholders, "bare": without} {
		p := Row(row)
		if len(p) != 3 || p[1].Col != 1 || p[1].Span != 3 || p[2].Col != 4 || p[2].Cell.Text != "45" || Width(row) != 5 {
			t.Errorf("%s: %+v", name, p)
		}
	}
	if w := Width([]report.Cell{{Text: "a"}, {}, {Text: "b"}}); w != 3 {
		t.Errorf("empty cells without a span are real cells: width %d", w)
	}
}
