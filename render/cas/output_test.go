package cas

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/gpwr/gpwr/model"
	"github.com/gpwr/gpwr/render/internal/golden"
)

// sampleRun is the 2025 H1 sample with last year's half and a fixed "today".
func sampleRun(t *testing.T) (*Filled, []model.Finding) {
	t.Helper()
	p := half(t, 2025, 1)
	f := builtin(t, p)
	v := sampleValues()
	delete(v, "rodziny_wspierajace.rodziny_objete")
	prev := sampleValues()
	prev["asysta.rodziny"] = 18
	filled := Compute(f, setOf(p, v))
	return filled, Check(filled, setOf(half(t, 2024, 1), prev), testConfig(), model.D(2025, 7, 20))
}

func writeSample(t *testing.T) (xlsxPath, pdfPath string) {
	t.Helper()
	filled, findings := sampleRun(t)
	dir := t.TempDir()
	paths, err := Write(dir, filled, findings, testConfig())
	if err != nil {
		t.Fatal(err)
	}
	if len(paths) != 2 || filepath.Base(paths[0]) != "cas_2025_H1.xlsx" || filepath.Base(paths[1]) != "cas_2025_H1.pdf" {
		t.Fatalf("paths %v", paths)
	}
	if dir := os.Getenv("GPWR_CAS_KEEP"); dir != "" { // for looking at the files
		for _, p := range paths {
			b, _ := os.ReadFile(p)
			_ = os.WriteFile(filepath.Join(dir, filepath.Base(p)), b, 0o644)
		}
	}
	return paths[0], paths[1]
}

// dumpSheet lists every non-empty cell as "A1<TAB>value".
func dumpSheet(t *testing.T, x *excelize.File, sheet string) string {
	t.Helper()
	rows, err := x.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "== %s\n", sheet)
	for r, row := range rows {
		for c, v := range row {
			if v == "" {
				continue
			}
			fmt.Fprintf(&b, "%s\t%s\n", ref(c+1, r+1), v)
		}
	}
	return b.String()
}

func TestXLSXGolden(t *testing.T) {
	xp, _ := writeSample(t)
	x, err := excelize.OpenFile(xp)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	if got := x.GetSheetList(); strings.Join(got, ",") != SheetForm+","+SheetChecks {
		t.Fatalf("sheets %v", got)
	}
	golden.Check(t, "cas_2025_H1.xlsx.golden", []byte(dumpSheet(t, x, SheetForm)+dumpSheet(t, x, SheetChecks)))

	// Find cells by what they hold, so that the style checks follow the layout.
	find := func(lp, label string) int {
		rows, _ := x.GetRows(SheetForm)
		for i, r := range rows {
			if len(r) > 1 && r[0] == lp && strings.HasPrefix(r[1], label) {
				return i + 1
			}
		}
		t.Fatalf("no row %s %s", lp, label)
		return 0
	}
	// X in B 2 kol. 2 is grey; money is a number in whole złoty with a
	// whole-number format; brak danych is text, not 0.
	r := find("2", "Dzieci korzystające")
	if v, _ := x.GetCellValue(SheetForm, ref(4, r)); v != "X" {
		t.Errorf("B 2 kol. 2 = %q", v)
	}
	sid, _ := x.GetCellStyle(SheetForm, ref(4, r))
	st, _ := x.GetStyle(sid)
	if st == nil || len(st.Fill.Color) == 0 || st.Fill.Color[0] != "BFBFBF" {
		t.Errorf("X cell not grey: %+v", st)
	}
	r = find("1.2", "w tym: współfinansowanie w wysokości 30 %")
	if v, _ := x.GetCellValue(SheetForm, ref(4, r), excelize.Options{RawCellValue: true}); v != "18001" {
		t.Errorf("D 1.2 kol. 2 raw = %q, want 18001 (18 000,50 zł rounded half up)", v)
	}
	sid, _ = x.GetCellStyle(SheetForm, ref(4, r))
	st, _ = x.GetStyle(sid)
	if st == nil || st.CustomNumFmt == nil || *st.CustomNumFmt != "#,##0" {
		t.Errorf("money format: %+v", st)
	}
	r = find("2", "Rodziny, którym pomagały")
	if v, _ := x.GetCellValue(SheetForm, ref(3, r)); v != "brak danych" {
		t.Errorf("C 2 = %q", v)
	}
	// Frozen header, document properties.
	panes, err := x.GetPanes(SheetForm)
	if err != nil || !panes.Freeze || panes.YSplit != 2 || panes.XSplit != 2 {
		t.Errorf("panes %+v %v", panes, err)
	}
	dp, err := x.GetDocProps()
	if err != nil || dp.Language != "pl-PL" || !strings.Contains(dp.Title, "2025-H1") || !strings.Contains(dp.Title, "Chmielnik") || dp.Modified == "" {
		t.Errorf("doc props %+v %v", dp, err)
	}
}

func TestPDFText(t *testing.T) {
	for _, tool := range []string{"pdftotext", "pdffonts"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Fatalf("%s is needed for this test (apt-get install poppler-utils): %v", tool, err)
		}
	}
	_, pp := writeSample(t)
	out, err := exec.Command("pdftotext", "-layout", "-enc", "UTF-8", pp, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	text := strings.ReplaceAll(string(out), "\u00a0", " ")
	for _, want := range []string{
		"Sprawozdanie rzeczowo-finansowe z wykonywania przez gminę zadań z zakresu",
		"wspierania rodziny i systemu pieczy zastępczej",
		"za okres 2025-01-01 – 2025-06-30 (I półrocze 2025 r.)",
		"Gmina Chmielnik, TERYT 2604033",
		"Miejsko-Gminny Ośrodek Pomocy Społecznej w Chmielniku",
		"Dział A. Asystenci rodziny i rodziny objęte ich wsparciem",
		"Wyszczególnienie",
		"„Za życiem”",
		"Dział D. Współfinansowanie przez gminę pobytu dzieci w pieczy zastępczej",
		"48 124",  // D 1 kol. 2
		"18 001",  // D 1.2 kol. 2 (half up)
		"198 889", // E 1 kol. 1
		"brak danych",
		"Kontrole przed wpisaniem do CAS",
		"termin złożenia sprawozdania w CAS: 2025-07-31 (zostało 11 dni)",
		"28 wobec 18 w tym samym półroczu 2024 r.",
		"Sporządził(a)", "Zatwierdził(a)", "Łucja Żółkiewska",
		"Strona 1 z ",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("PDF text lacks %q", want)
		}
	}
	fonts, err := exec.Command("pdffonts", pp).Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range strings.Split(string(fonts), "\n")[2:] {
		if strings.TrimSpace(l) == "" {
			continue
		}
		if !strings.Contains(strings.ToLower(l), "liberation") {
			t.Errorf("a font other than Liberation Sans (built-in fonts drop Polish letters): %s", l)
		}
	}
}

// TestWriteWithoutConfig: each writer accepts a nil configuration (as Write
// and RenderPDF do) and prints the placeholder for the missing gmina name.
func TestWriteWithoutConfig(t *testing.T) {
	filled, findings := sampleRun(t)
	dir := t.TempDir()
	xp := filepath.Join(dir, "bez_konfiguracji.xlsx")
	if err := WriteXLSX(xp, filled, findings, nil); err != nil {
		t.Fatalf("WriteXLSX with a nil config: %v", err)
	}
	x, err := excelize.OpenFile(xp)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	if v, _ := x.GetCellValue(SheetForm, "A3"); !strings.Contains(v, "(nie podano nazwy gminy)") {
		t.Errorf("A3 = %q", v)
	}
	if err := WritePDF(filepath.Join(dir, "bez_konfiguracji.pdf"), filled, findings, nil); err != nil {
		t.Fatalf("WritePDF with a nil config: %v", err)
	}
}

// TestPDFLanguage: the print-out declares its language (/Lang pl-PL in the
// catalog), as the annual report does, so a screen reader reads it as Polish.
func TestPDFLanguage(t *testing.T) {
	if _, err := exec.LookPath("qpdf"); err != nil {
		t.Fatalf("qpdf is needed for this test (apt-get install qpdf): %v", err)
	}
	_, pp := writeSample(t)
	if out, err := exec.Command("qpdf", "--check", pp).CombinedOutput(); err != nil {
		t.Fatalf("qpdf --check: %v\n%s", err, out)
	}
	qdf := filepath.Join(t.TempDir(), "q.pdf")
	if out, err := exec.Command("qpdf", "--qdf", "--object-streams=disable", pp, qdf).CombinedOutput(); err != nil {
		t.Fatalf("qpdf --qdf: %v\n%s", err, out)
	}
	raw, err := os.ReadFile(qdf)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(raw), "/Lang (pl-PL)") {
		t.Error("the CAS print-out has no /Lang (pl-PL) in its catalog")
	}
}
