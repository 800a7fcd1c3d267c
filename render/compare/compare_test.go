package compare

import (
	"archive/zip"
	"fmt"
	"html"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/gpwr/gpwr/collectors/ops"
	"github.com/gpwr/gpwr/collectors/partner"
	"github.com/gpwr/gpwr/internal/archive"
	"github.com/gpwr/gpwr/internal/config"
	"github.com/gpwr/gpwr/model"
	"github.com/gpwr/gpwr/render/internal/golden"
	"github.com/gpwr/gpwr/tools/browsercheck"
)

var t0 = time.Date(2026, 3, 2, 9, 30, 0, 0, time.UTC)

var catalog = func() *partner.Catalog {
	c, err := partner.LoadCatalog("")
	if err != nil {
		panic(err)
	}
	return c
}()

// set builds a year's set from code=value pairs; a negative value is brak
// danych, a string a text value.
func set(year int, kv ...any) *model.Set {
	s := &model.Set{Period: model.YearPeriod(year)}
	for i := 0; i < len(kv); i += 2 {
		code := kv[i].(string)
		ind := model.Indicator{Code: code, Source: model.SourceOPS, From: s.Period.From, To: s.Period.To}
		if info, ok := ops.Describe(code); ok {
			ind.Label, ind.Unit = info.Label, info.Unit
		} else if pc, ok := catalog.Code(code); ok {
			ind.Label, ind.Unit = pc.Label, pc.Unit
		}
		switch v := kv[i+1].(type) {
		case int:
			if v >= 0 {
				ind.Value = model.Int(int64(v))
			}
		case string:
			ind.Text = v
		}
		s.Add(ind)
	}
	return s
}

// scenario builds 2021–2025 the way `gpwr compare` collects them: 2021 typed
// in and archived, 2022 archived (two revisions), 2023 absent, 2024 computed
// from the records, 2025 archived.
func scenario(t *testing.T) *Comparison {
	t.Helper()
	cfg, err := config.Parse([]byte("[gmina]\nnazwa = \"Przykładowo\"\nteryt = \"2604033\"\n[ops]\nnazwa = \"OPS\"\n[program]\nnazwa = \"Program\"\n"), filepath.Join(t.TempDir(), "gpwr.toml"))
	if err != nil {
		t.Fatal(err)
	}
	a, err := archive.Open(filepath.Join(t.TempDir(), "archiwum"))
	if err != nil {
		t.Fatal(err)
	}
	typed, fs, err := archive.Import(filepath.Join("testdata", "rok2021.csv"), 2021, cfg, catalog)
	if err != nil || len(fs) > 0 {
		t.Fatalf("import: %v %v", fs, err)
	}
	store := func(s *model.Set, o archive.Origin) {
		if _, err := a.Store(s, o, "test", t0); err != nil {
			t.Fatal(err)
		}
	}
	store(typed, archive.Typed)
	store(set(2022, "asysta.rodziny", 13), archive.Computed)
	store(set(2022, "asysta.rodziny", 15, "asysta.dzieci", 27, "asystenci.liczba", 1, "placowki.dzieci", 30, "rodziny_wspierajace.liczba", 1,
		"piecza.dzieci", 6, "piecza.koszt", 9000000, "niebieskie_karty.rodziny", 10, "praca_socjalna.rodziny", 120, "klienci.rodziny_z_dziecmi", 150), archive.Computed)
	store(set(2025, "asysta.rodziny", 24, "asysta.dzieci", 30, "asystenci.liczba", 2, "placowki.dzieci", 0, "rodziny_wspierajace.liczba", 4,
		"piecza.dzieci", 7, "piecza.koszt", 14000000, "niebieskie_karty.rodziny", 12, "praca_socjalna.rodziny", 126, "klienci.rodziny_z_dziecmi", 160,
		"ppp.rodziny_wsparcie", 30, "wydatki.assistant.gmina", 4510000, "szkoly.programy_opis", "Program „Spójrz inaczej”."), archive.Computed)
	records := map[int]*model.Set{
		2024: set(2024, "asysta.rodziny", 16, "asysta.dzieci", 30, "asystenci.liczba", 2, "placowki.dzieci", 31, "rodziny_wspierajace.liczba", 2,
			"piecza.dzieci", 7, "piecza.koszt", 15000000, "niebieskie_karty.rodziny", 0, "praca_socjalna.rodziny", 125, "klienci.rodziny_z_dziecmi", 155),
	}
	years, err := Collect(a, []int{2021, 2022, 2023, 2024, 2025}, func(y int) (*model.Set, error) { return records[y], nil })
	if err != nil {
		t.Fatal(err)
	}
	// Given out of order: Build sorts by year.
	years[0], years[4] = years[4], years[0]
	return Build(years, 30)
}

func TestBuild(t *testing.T) {
	c := scenario(t)
	var origins []string
	for _, y := range c.Years {
		origins = append(origins, fmt.Sprintf("%d:%s", y.Year, y.From))
	}
	if got := strings.Join(origins, " "); got != "2021:wpis_reczny 2022:archiwum 2023:brak 2024:rekordy 2025:archiwum" {
		t.Errorf("years: %s", got)
	}
	var codes []string
	for _, r := range c.Rows {
		codes = append(codes, r.Code)
	}
	wantCodes := "asystenci.liczba asysta.rodziny asysta.dzieci placowki.dzieci rodziny_wspierajace.liczba piecza.dzieci piecza.koszt " +
		"praca_socjalna.rodziny wydatki.assistant.gmina niebieskie_karty.rodziny klienci.rodziny_z_dziecmi ppp.rodziny_wsparcie"
	if got := strings.Join(codes, " "); got != wantCodes {
		t.Errorf("rows:\n%s\nwant\n%s", got, wantCodes)
	}
	r, _ := c.Row("asysta.rodziny")
	if got := fmtVals(r.Values); got != "14 15 nil 16 24" {
		t.Errorf("asysta.rodziny values %s (2022 must be the latest revision)", got)
	}
	if !r.Key || r.Deltas[0].Abs == nil || *r.Deltas[0].Abs != 1 || r.Deltas[1].Abs != nil || r.Deltas[2].Pct != nil ||
		*r.Deltas[3].Abs != 8 || *r.Deltas[3].Pct != 50 || !r.Deltas[3].Flagged || r.Deltas[0].Flagged {
		t.Errorf("asysta.rodziny deltas %+v", r.Deltas)
	}
	r, _ = c.Row("placowki.dzieci")
	if fmtVals(r.Values) != "nil 30 nil 31 0" || r.Deltas[0].Abs != nil {
		t.Errorf("placowki.dzieci %s %+v", fmtVals(r.Values), r.Deltas)
	}
	r, _ = c.Row("niebieskie_karty.rodziny")
	if d := r.Deltas[3]; *d.Abs != 12 || d.Pct != nil || !d.Flagged {
		t.Errorf("0 → 12: %+v", d)
	}
	var places []string
	for _, f := range c.Findings {
		places = append(places, f.Place)
	}
	if got := strings.Join(places, " "); got != "asysta.rodziny placowki.dzieci niebieskie_karty.rodziny" {
		t.Errorf("findings: %v", c.Findings)
	}
	if _, ok := c.Row("szkoly.programy_opis"); ok {
		t.Error("a text indicator became a row")
	}
}

func fmtVals(vs []*int64) string {
	var p []string
	for _, v := range vs {
		if v == nil {
			p = append(p, "nil")
		} else {
			p = append(p, strconv.FormatInt(*v, 10))
		}
	}
	return strings.Join(p, " ")
}

var meta = Meta{Gmina: "Przykładowo", OPS: "Ośrodek Pomocy Społecznej w Przykładowie", ToolVersion: "0.9.0", Generated: t0}

func TestWrite(t *testing.T) {
	c := scenario(t)
	dir := t.TempDir()
	files, err := Write(dir, c, meta)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range files {
		names = append(names, filepath.Base(f))
	}
	if strings.Join(names, " ") != "porownanie.xlsx porownanie.html porownanie.json" {
		t.Fatalf("files %v", names)
	}
	des, _ := os.ReadDir(dir)
	if len(des) != 3 {
		t.Errorf("temporary files left: %d entries", len(des))
	}

	// GPWR_COMPARE_OUT=DIR keeps a copy of the outputs to look at.
	if keep := os.Getenv("GPWR_COMPARE_OUT"); keep != "" {
		m := meta
		m.Sample = true
		if _, err := Write(keep, c, m); err != nil {
			t.Fatal(err)
		}
	}

	js, _ := os.ReadFile(filepath.Join(dir, FileJSON))
	golden.Check(t, "porownanie.golden.json", js)

	checkXLSX(t, filepath.Join(dir, FileXLSX))
}

func checkXLSX(t *testing.T, path string) {
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := strings.Join(f.GetSheetList(), ","); got != "Porównanie,Wykresy,Ustalenia" {
		t.Fatalf("sheets %s", got)
	}
	sh := SheetCompare
	// Cell by cell, as a reader sees it: raw value and number format.
	cells := []struct{ cell, raw, numFmt string }{
		{"A1", "Porównanie wskaźników – gmina Przykładowo, lata 2021–2025", ""},
		{"A2", "Kod", ""}, {"B2", "Wskaźnik", ""}, {"C2", "Jednostka", ""},
		{"D2", "2021", ""}, {"E2", "2022", ""}, {"F2", "2023", ""}, {"G2", "2024", ""}, {"H2", "2025", ""},
		{"I2", "Zmiana 2021–2022", ""}, {"J2", "Zmiana % 2021–2022", ""}, {"O2", "Zmiana 2024–2025", ""}, {"P2", "Zmiana % 2024–2025", ""},
		{"B3", "Źródło danych roku", ""},
		{"D3", "wpis ręczny ze sprawozdania", ""}, {"E3", "archiwum", ""}, {"F3", "brak danych", ""}, {"G3", "obliczone z rekordów OPS", ""}, {"H3", "archiwum", ""},
		// Row 4: asystenci.liczba.
		{"A4", "asystenci.liczba", ""}, {"C4", "osoby", ""}, {"D4", "1", fmtInt}, {"F4", "brak danych", ""},
		// Row 5: asysta.rodziny, 14 15 – 16 24.
		{"A5", "asysta.rodziny", ""}, {"B5", "Rodziny objęte wsparciem asystenta rodziny w okresie", ""}, {"C5", "rodziny", ""},
		{"D5", "14", fmtInt}, {"E5", "15", fmtInt}, {"F5", "brak danych", ""}, {"G5", "16", fmtInt}, {"H5", "24", fmtInt},
		{"I5", "1", fmtSignedInt}, {"K5", "–", ""}, {"L5", "–", ""}, {"M5", "–", ""}, {"N5", "–", ""},
		{"O5", "8", fmtSignedInt}, {"P5", "0.5", fmtPct},
		// Row 7: placowki.dzieci, brak danych in 2021 (never 0) and 31 → 0.
		{"A7", "placowki.dzieci", ""}, {"D7", "brak danych", ""}, {"E7", "30", fmtInt}, {"H7", "0", fmtInt}, {"I7", "–", ""}, {"P7", "-1", fmtPct},
		// Row 10: piecza.koszt in złoty.
		{"A10", "piecza.koszt", ""}, {"C10", "zł", ""}, {"D10", "86072.89", fmtMoney}, {"E10", "90000", fmtMoney}, {"G10", "150000", fmtMoney},
		{"H10", "140000", fmtMoney}, {"I10", "3927.11", fmtSignedMoney}, {"O10", "-10000", fmtSignedMoney},
		// Row 15: ppp.rodziny_wsparcie, a partner code in two years only.
		{"A15", "ppp.rodziny_wsparcie", ""}, {"D15", "35", fmtInt}, {"E15", "brak danych", ""}, {"H15", "30", fmtInt},
		{"A16", "", ""},
	}
	for _, c := range cells {
		raw, err := f.GetCellValue(sh, c.cell, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		if raw != c.raw {
			t.Errorf("%s!%s = %q, want %q", sh, c.cell, raw, c.raw)
		}
		if c.numFmt != "" {
			if got := numFmt(t, f, sh, c.cell); got != c.numFmt {
				t.Errorf("%s!%s format %q, want %q", sh, c.cell, got, c.numFmt)
			}
		}
	}
	// Flagged changes stand out.
	if plain, flagged := cellFill(t, f, sh, "J5"), cellFill(t, f, sh, "P5"); plain == flagged {
		t.Error("a change beyond the threshold is not highlighted")
	}
	panes, err := f.GetPanes(sh)
	if err != nil || !panes.Freeze || panes.XSplit != 3 || panes.YSplit != 3 {
		t.Errorf("frozen header: %+v %v", panes, err)
	}
	props, err := f.GetDocProps()
	if err != nil || props.Title != "Porównanie wskaźników – gmina Przykładowo, lata 2021–2025" || props.Language != "pl-PL" ||
		props.Creator != meta.OPS || props.Created != "2026-03-02T09:30:00Z" {
		t.Errorf("document properties: %+v %v", props, err)
	}
	// Every sheet, cell by cell, against the golden dump.
	golden.Check(t, "porownanie.xlsx.golden.txt", []byte(dumpXLSX(t, f)))

	// Native line charts on the normal sheet „Wykresy”, attached to it, one per key indicator present.
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	var charts []string
	var sheet2 string
	for _, zf := range zr.File {
		rc, _ := zf.Open()
		b, _ := io.ReadAll(rc)
		rc.Close()
		switch {
		case strings.HasPrefix(zf.Name, "xl/charts/chart"):
			charts = append(charts, string(b))
		case zf.Name == "xl/worksheets/sheet2.xml":
			sheet2 = string(b)
		}
	}
	if len(charts) != 10 {
		t.Errorf("%d charts, want 10 (every key indicator is present)", len(charts))
	}
	if !strings.Contains(sheet2, "<drawing r:id=") {
		t.Error("the charts are not attached to the sheet Wykresy")
	}
	all := strings.Join(charts, "\n")
	for _, want := range []string{"<lineChart>", `<dispBlanksAs val="gap"`, "Wykresy&#39;!$B$5:$B$9", "Wykresy&#39;!$H$5:$H$9", "Rodziny objęte wsparciem asystenta rodziny w okresie (rodziny)"} {
		if !strings.Contains(all, want) {
			t.Errorf("chart XML lacks %q", want)
		}
	}
}

func numFmt(t *testing.T, f *excelize.File, sheet, cell string) string {
	t.Helper()
	id, err := f.GetCellStyle(sheet, cell)
	if err != nil {
		t.Fatal(err)
	}
	st, err := f.GetStyle(id)
	if err != nil {
		t.Fatal(err)
	}
	if st.CustomNumFmt != nil {
		return *st.CustomNumFmt
	}
	if st.NumFmt != 0 {
		return fmt.Sprintf("#%d", st.NumFmt)
	}
	return ""
}

func cellFill(t *testing.T, f *excelize.File, sheet, cell string) string {
	id, _ := f.GetCellStyle(sheet, cell)
	st, _ := f.GetStyle(id)
	return fmt.Sprint(st.Fill.Color)
}

// dumpXLSX lists every non-empty cell of every sheet: raw value and number format.
func dumpXLSX(t *testing.T, f *excelize.File) string {
	var b strings.Builder
	for _, sh := range f.GetSheetList() {
		rows, err := f.GetRows(sh, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&b, "== %s\n", sh)
		for ri, r := range rows {
			for ci, v := range r {
				if v == "" {
					continue
				}
				cell, _ := excelize.CoordinatesToCellName(ci+1, ri+1)
				line := fmt.Sprintf("%s\t%s", cell, v)
				if nf := numFmt(t, f, sh, cell); nf != "" {
					line += "\t[" + nf + "]"
				}
				b.WriteString(line + "\n")
			}
		}
	}
	return b.String()
}

func TestHTMLPage(t *testing.T) {
	c := scenario(t)
	m := meta
	m.Sample = true
	b, err := HTML(c, m)
	if err != nil {
		t.Fatal(err)
	}
	page := html.UnescapeString(string(b))
	for _, want := range []string{
		`<html lang="pl">`,
		"<title>Porównanie wskaźników – gmina Przykładowo, lata 2021–2025</title>",
		SampleNote,
		`<tr><th scope="row">2023</th><td>brak danych</td></tr>`,
		`<tr><th scope="row">2024</th><td>obliczone z rekordów OPS</td></tr>`,
		`<caption>Dane wykresu „Rodziny objęte wsparciem asystenta rodziny w okresie” (rodziny)</caption>`,
		`<caption>Dane wykresu „Wydatki gminy na współfinansowanie pieczy zastępczej” (zł)</caption>`,
		"<code>placowki.dzieci</code>: Dzieci uczęszczające do placówek wsparcia dziennego w okresie: 2024 – 31, 2025 – 0",
		`<td class="liczba alarm">+50,0`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	if n := strings.Count(page, `<figure class="wykres"`); n != 10 {
		t.Errorf("%d figures, want 10", n)
	}
	if regexp.MustCompile(`<script[^>]+src=|https?://[^"' ]*\.js`).MatchString(page) {
		t.Error("the page loads a script from outside; it must work offline")
	}
}

// The page in a real headless chromium with the network off: every chart
// draws, a missing year is a gap (never 0), no script error, no request
// outside the file, and axe-core finds no WCAG 2.1 A/AA violation.
func TestHTMLInBrowser(t *testing.T) {
	dir := t.TempDir()
	m := meta
	m.Sample = true
	if _, err := Write(dir, scenario(t), m); err != nil {
		t.Fatal(err)
	}
	res := browsercheck.Run(t, filepath.Join(dir, FileHTML), true)
	drawn := 0
	for _, c := range res.Charts {
		if c.Instance && c.Canvas && c.Width > 0 && c.Height > 0 {
			drawn++
		}
	}
	if res.Lang != "pl" || len(res.Charts) != 10 || drawn != 10 || res.Tables != 12 {
		t.Fatalf("page: lang %q, %d charts, %d drawn, %d tables", res.Lang, len(res.Charts), drawn, res.Tables)
	}
	if len(res.Errors) > 0 || len(res.Console) > 0 || len(res.Requests) > 0 || len(res.Failed) > 0 {
		t.Errorf("script errors %v, console %v, requests %v, failed %v", res.Errors, res.Console, res.Requests, res.Failed)
	}
	if res.AxePasses == 0 {
		t.Error("axe-core ran no rule")
	}
	for _, v := range res.Violations {
		t.Errorf("axe %s (%s): %s\n  %s", v.ID, v.Impact, v.Help, strings.Join(v.Nodes, "\n  "))
	}
	points := func(i int) string {
		if len(res.Charts[i].Series) == 0 {
			return "no series"
		}
		return fmt.Sprint(res.Charts[i].Series[0])
	}
	if got := points(0); got != "[14 15 - 16 24]" {
		t.Errorf("asysta.rodziny points %s", got)
	}
	if got := points(3); got != "[- 30 - 31 0]" {
		t.Errorf("placowki.dzieci points %s (brak danych must be a gap)", got)
	}
	if got := points(6); got != "[86072.89 90000 - 150000 140000]" {
		t.Errorf("piecza.koszt points %s (złoty)", got)
	}
}

func TestParseYears(t *testing.T) {
	cases := []struct{ in, want, err string }{
		{"2021-2025", "[2021 2022 2023 2024 2025]", ""},
		{" 2023 – 2025 ", "[2023 2024 2025]", ""},
		{"2025", "[2025]", ""},
		{"2019,2021-2022,2021", "[2019 2021 2022]", ""},
		{"2025-2021", "", "rok początkowy 2025 jest późniejszy niż końcowy 2021"},
		{"21-25", "", "oczekiwano lat w postaci RRRR-RRRR"},
		{"1900-1901", "", "spoza zakresu"},
		{"1990-2100", "", "najwyżej 30 lat"},
	}
	for _, tc := range cases {
		ys, err := ParseYears(tc.in)
		if tc.err != "" {
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("%q: %v, want %q", tc.in, err, tc.err)
			}
			continue
		}
		if err != nil || fmt.Sprint(ys) != tc.want {
			t.Errorf("%q = %v, %v; want %s", tc.in, ys, err, tc.want)
		}
	}
}

func TestCollectErrors(t *testing.T) {
	dir := t.TempDir()
	a, _ := archive.Open(dir)
	os.MkdirAll(filepath.Join(dir, "2024"), 0o755)
	os.WriteFile(filepath.Join(dir, "2024", "rev-0001.json"), []byte("{"), 0o644)
	if _, err := Collect(a, []int{2024}, nil); err == nil || !strings.Contains(err.Error(), "rev-0001.json") {
		t.Errorf("corrupt archive: %v", err)
	}
	_, err := Collect(a, []int{2023}, func(int) (*model.Set, error) { return nil, fmt.Errorf("baza niedostępna") })
	if err == nil || err.Error() != "rok 2023: baza niedostępna" {
		t.Errorf("compute error: %v", err)
	}
	ys, err := Collect(a, []int{2020}, nil)
	if err != nil || len(ys) != 1 || ys[0].From != Absent || ys[0].Set != nil {
		t.Errorf("absent: %+v %v", ys, err)
	}
}
