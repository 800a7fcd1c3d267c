package report_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/gpwr/gpwr/model"
	"github.com/gpwr/gpwr/render/internal/golden"
	"github.com/gpwr/gpwr/render/report"
	"github.com/gpwr/gpwr/render/report/reporttest"
)

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

func TestBuildGolden(t *testing.T) {
	d, err := report.Build(reporttest.Input())
	if err != nil {
		t.Fatal(err)
	}
	golden.Check(t, "doc.txt.golden", []byte(dump(d)))
}

// tableByID returns the table with the given id, or nil.
func tableByID(d *report.Doc, id string) *report.Table {
	for _, tab := range d.Tables() {
		if tab.ID == id {
			return tab
		}
	}
	return nil
}

// findTable returns the table with the given id; the test fails without it.
func findTable(t *testing.T, d *report.Doc, id string) *report.Table {
	t.Helper()
	tab := tableByID(d, id)
	if tab == nil {
		t.Fatalf("no table %s", id)
	}
	return tab
}

// A partner who sent nothing still shows its codes in the programme table,
// with the catalog's label, "brak danych" (never 0) and the reason.
func TestMatrixMissingPartner(t *testing.T) {
	d, err := report.Build(reporttest.Input())
	if err != nil {
		t.Fatal(err)
	}
	tab := findTable(t, d, "tab-program")
	found := false
	for _, r := range tab.Rows {
		for i, c := range r {
			if c.Code != "pcpr.dzieci_piecza" || i == 0 {
				continue
			}
			found = true
			if got := r[3].Text; got != "Liczba dzieci z terenu gminy umieszczonych w pieczy zastępczej" {
				t.Errorf("label = %q, want the catalog's label", got)
			}
			if !c.Missing || c.Value != nil || c.Text != "brak danych" {
				t.Errorf("value cell = %+v, want brak danych", c)
			}
			if got := r[len(r)-1].Text; got != "instytucja nie przekazała danych" {
				t.Errorf("remark = %q", got)
			}
		}
	}
	if !found {
		t.Fatal("pcpr.dzieci_piecza is not in the programme table")
	}
	// The placeholders of the missing partner are not repeated among the
	// other partner data; the annex says no return came.
	for _, r := range findTable(t, d, "tab-partnerzy").Rows {
		for _, c := range r {
			if strings.HasPrefix(c.Code, "pcpr.") || strings.HasPrefix(c.Code, "sport.") {
				t.Errorf("placeholder %s listed among the data partners sent", c.Code)
			}
		}
	}
	for _, r := range findTable(t, d, "tab-wskazniki").Rows {
		if r[0].Text == "pcpr.dzieci_powroty" && r[3].Text != "brak zwrotu" {
			t.Errorf("annex source of a missing partner's code = %q, want „brak zwrotu”", r[3].Text)
		}
	}
}

// History is nil both for a year without data and for a hidden value;
// HistoryText tells them apart.
func TestHistoryTextHiddenVsMissing(t *testing.T) {
	d, err := report.Build(reporttest.PublicationInput())
	if err != nil {
		t.Fatal(err)
	}
	idx := map[int]int{}
	for i, y := range d.Years {
		idx[y] = i
	}
	for _, r := range d.Indicators {
		if r.Code != "asysta.rodziny_sad" {
			continue
		}
		if len(r.HistoryText) != len(d.Years) || len(r.History) != len(d.Years) {
			t.Fatalf("History %d, HistoryText %d, Years %d", len(r.History), len(r.HistoryText), len(d.Years))
		}
		for y, want := range map[int]string{2022: "brak danych", 2024: "<3"} {
			if r.History[idx[y]] != nil || r.HistoryText[idx[y]] != want {
				t.Errorf("%d: History %v, HistoryText %q, want nil and %q", y, r.History[idx[y]], r.HistoryText[idx[y]], want)
			}
		}
		for _, r := range d.Indicators {
			if r.Code == "asysta.rodziny" && (r.History[idx[2023]] == nil || *r.History[idx[2023]] != 19 || r.HistoryText[idx[2023]] != "19") {
				t.Errorf("asysta.rodziny 2023: History %v, HistoryText %q, want 19 in both", r.History[idx[2023]], r.HistoryText[idx[2023]])
			}
		}
		return
	}
	t.Fatal("asysta.rodziny_sad not among the indicators")
}

// TestCompareTableFlagsImplausibleChanges: the previous-years table marks a key
// figure that moved beyond the gmina's threshold (the rule of yoy.Judge) and
// explains the mark; a move within the threshold is not marked.
func TestCompareTableFlagsImplausibleChanges(t *testing.T) {
	in := reporttest.Input()
	var prev int64
	for _, h := range in.History {
		if h.Period.Year == in.Current.Period.Year-1 {
			prev, _ = h.Value("piecza.koszt")
		}
	}
	if prev == 0 {
		t.Fatal("fixture: no piecza.koszt in the previous year")
	}
	ind, _ := in.Current.Get("piecza.koszt")
	ind.Value = model.Int(prev * 2) // +100 %
	in.Current.Add(ind)
	for _, tc := range []struct {
		threshold float64
		marked    bool
	}{{30, true}, {150, false}} {
		in.Cfg.Ustawienia.ProgZmianyProcent = tc.threshold
		d, err := report.Build(in)
		if err != nil {
			t.Fatal(err)
		}
		tab := findTable(t, d, "tab-porownanie")
		marked := false
		for _, r := range tab.Rows {
			if strings.Contains(r[0].Text, "pieczę") && strings.HasSuffix(r[len(r)-1].Text, " *") {
				marked = true
			}
		}
		note := strings.Contains(strings.Join(tab.Notes, " "), "Zmiana o więcej niż ±")
		if marked != tc.marked || note != tc.marked {
			t.Errorf("threshold %v: marked %v, note %v; want %v", tc.threshold, marked, note, tc.marked)
		}
	}
}

// TestCASChapterShowsHalves: archived half-year returns appear in chapter 6
// beside the year; a missing half says so.
func TestCASChapterShowsHalves(t *testing.T) {
	in := reporttest.Input()
	y := in.Current.Period.Year
	h1 := reporttest.Set(y)
	h1.Period, _ = model.HalfPeriod(y, 1)
	ind, _ := h1.Get("asysta.rodziny")
	ind.Value = model.Int(7)
	h1.Add(ind)
	in.Halves = []report.HalfYear{{Set: h1, Prepared: in.Generated, Revision: 2}}
	d, err := report.Build(in)
	if err != nil {
		t.Fatal(err)
	}
	tab := findTable(t, d, "tab-cas")
	found := false
	for _, r := range tab.Rows {
		if strings.Contains(r[0].Text, "asystenta rodziny") && r[1].Text == "7" && r[2].Text == "brak danych" {
			found = true
		}
	}
	notes := strings.Join(tab.Notes, " ")
	if !found || !strings.Contains(notes, "(wersja 2 w archiwum)") || !strings.Contains(notes, "Sprawozdania za II półrocze nie ma w archiwum") {
		t.Errorf("rows %v, notes %q", tab.Rows, notes)
	}
	in.Halves = nil
	if d, err = report.Build(in); err != nil {
		t.Fatal(err)
	}
	if tableByID(d, "tab-cas") != nil {
		t.Error("a table of half-years without any archived half-year")
	}
}
