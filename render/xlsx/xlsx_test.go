package xlsx

import (
	"archive/zip"
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/gpwr/gpwr/render/internal/golden"
	"github.com/gpwr/gpwr/render/internal/rendertest"
	"github.com/gpwr/gpwr/render/report"
	"github.com/gpwr/gpwr/render/report/reporttest"
)

var (
	keep = flag.String("keep", "", "also copy the workbooks into this directory")
)

// dump reads a workbook back with excelize and prints what a reader sees:
// sheets, merged cells, frozen panes, and every non-empty cell with its raw
// value and number format.
func dump(t *testing.T, path string) string {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var b strings.Builder
	props, err := f.GetDocProps()
	if err != nil {
		t.Fatal(err)
	}
	fmt.Fprintf(&b, "props: title=%q creator=%q language=%q created=%s modified=%s\n", props.Title, props.Creator, props.Language, props.Created, props.Modified)
	for _, sh := range f.GetSheetList() {
		fmt.Fprintf(&b, "\n== %s\n", sh)
		panes, _ := f.GetPanes(sh)
		if panes.Freeze {
			fmt.Fprintf(&b, "freeze: x=%d y=%d top=%s\n", panes.XSplit, panes.YSplit, panes.TopLeftCell)
		}
		merged, _ := f.GetMergeCells(sh)
		for _, m := range merged {
			fmt.Fprintf(&b, "merged: %s:%s\n", m.GetStartAxis(), m.GetEndAxis())
		}
		rows, err := f.GetRows(sh, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		for r, row := range rows {
			for c, v := range row {
				if v == "" {
					continue
				}
				ref, _ := excelize.CoordinatesToCellName(c+1, r+1)
				line := ref + "\t" + v
				if id, _ := f.GetCellStyle(sh, ref); id != 0 {
					st, _ := f.GetStyle(id)
					if st.CustomNumFmt != nil {
						line += "\t[" + *st.CustomNumFmt + "]"
					}
					if st.Font != nil && st.Font.Bold {
						line += "\t(b)"
					}
				}
				b.WriteString(line + "\n")
			}
		}
	}
	return b.String()
}

func write(t *testing.T, d *report.Doc, name string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := Write(path, d); err != nil {
		t.Fatal(err)
	}
	if *keep != "" {
		b, _ := os.ReadFile(path)
		os.MkdirAll(*keep, 0o755)
		os.WriteFile(filepath.Join(*keep, name), b, 0o644)
	}
	return path
}

// zipEntry returns one part of the XLSX package.
func zipEntry(t *testing.T, path, name string) string {
	t.Helper()
	z, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer z.Close()
	for _, f := range z.File {
		if f.Name == name {
			r, _ := f.Open()
			b, _ := io.ReadAll(r)
			r.Close()
			return string(b)
		}
	}
	return ""
}

func TestHandDocGolden(t *testing.T) {
	path := write(t, rendertest.HandDoc(), "sprawozdanie.xlsx")
	golden.Check(t, "hand.golden.txt", []byte(dump(t, path)))
}

func TestHandDocDetails(t *testing.T) {
	path := write(t, rendertest.HandDoc(), "sprawozdanie.xlsx")
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sheets := f.GetSheetList()
	want := []string{"Wskaźniki", "Asysta rodziny dzieci", "Asysta rodziny dzieci (2)", "Tabela o bardzo długim tytule,", "Wykresy"}
	if strings.Join(sheets, "|") != strings.Join(want, "|") {
		t.Fatalf("sheets %q, want %q", sheets, want)
	}
	// Money is stored exactly in złoty.
	if v, _ := f.GetCellValue("Asysta rodziny dzieci (2)", "B6", excelize.Options{RawCellValue: true}); v != "86072.89" {
		t.Errorf("money cell holds %q, want 86072.89", v)
	}
	// "brak danych" is text, never 0.
	if v, _ := f.GetCellValue("Wskaźniki", "F7"); v != "brak danych" {
		t.Errorf("missing current value reads %q", v)
	}
	if typ, _ := f.GetCellType("Wskaźniki", "F7"); typ == excelize.CellTypeNumber {
		t.Error("a missing value is stored as a number")
	}
	// The synthetic-data note is visible on the first sheet.
	if v, _ := f.GetCellValue("Wskaźniki", "A2"); !strings.Contains(v, "dane syntetyczne") {
		t.Errorf("first sheet A2 = %q, want the synthetic-data note", v)
	}
	// Native charts are in the package and attached to the normal sheet.
	for _, part := range []string{"xl/charts/chart1.xml", "xl/charts/chart2.xml"} {
		if zipEntry(t, path, part) == "" {
			t.Errorf("%s missing", part)
		}
	}
	if !strings.Contains(zipEntry(t, path, "xl/charts/chart1.xml"), "<lineChart>") {
		t.Error("chart1 is not a line chart")
	}
	if !strings.Contains(zipEntry(t, path, "xl/charts/chart2.xml"), "<barChart>") {
		t.Error("chart2 is not a column chart")
	}
	sheetXML := zipEntry(t, path, "xl/worksheets/sheet5.xml")
	if !strings.Contains(sheetXML, "<drawing ") {
		t.Error("charts sheet has no <drawing> element: the charts would be invisible")
	}
	if !strings.Contains(zipEntry(t, path, "xl/worksheets/sheet1.xml"), "<autoFilter ") {
		t.Error("indicator sheet has no autofilter")
	}
	core := zipEntry(t, path, "docProps/core.xml")
	for _, s := range []string{"<dc:language>pl-PL</dc:language>", "2026-03-03T10:00:00Z"} {
		if !strings.Contains(core, s) {
			t.Errorf("core.xml lacks %s", s)
		}
	}
}

func TestWriteIsAtomic(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "sprawozdanie.xlsx")
	if err := os.WriteFile(path, []byte("poprzednia wersja"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := Write(path, nil); err == nil {
		t.Fatal("Write(nil) succeeded")
	}
	if b, _ := os.ReadFile(path); !bytes.Equal(b, []byte("poprzednia wersja")) {
		t.Fatal("a failed Write changed the previous file")
	}
	if err := Write(filepath.Join(dir, "brak", "x.xlsx"), rendertest.HandDoc()); err == nil || !strings.Contains(err.Error(), "brak") {
		t.Fatalf("write into a missing directory: %v", err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Fatalf("temporary files left behind: %v", entries)
	}
}

// TestReportGolden renders the shared synthetic report (report.Build on the
// reporttest gmina) and compares the whole workbook read back.
func TestReportGolden(t *testing.T) {
	d, err := report.Build(reporttest.Input())
	if err != nil {
		t.Fatal(err)
	}
	path := write(t, d, "raport.xlsx")
	golden.Check(t, "report.golden.txt", []byte(dump(t, path)))
	if zipEntry(t, path, "xl/charts/chart1.xml") == "" {
		t.Error("xl/charts/chart1.xml missing")
	}
}

// In publication mode a hidden past value reads "<3" on the „Wskaźniki”
// sheet, and a year without data "brak danych": they are not the same.
func TestIndicatorsSheetHiddenHistory(t *testing.T) {
	d, err := report.Build(reporttest.PublicationInput())
	if err != nil {
		t.Fatal(err)
	}
	path := write(t, d, "publikacja.xlsx")
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	// Every sheet explains the hiding, the charts sheet too: a hidden value is
	// an empty cell there (a gap in the chart), which must not read as brak danych.
	for _, sh := range f.GetSheetList() {
		if v, _ := f.GetCellValue(sh, "A2"); !strings.Contains(v, d.PublicationNote) {
			t.Errorf("sheet %s: A2 = %q, want the publication note", sh, v)
		}
	}
	rows, err := f.GetRows(SheetIndicators)
	if err != nil {
		t.Fatal(err)
	}
	head := -1
	col := map[string]int{}
	for i, r := range rows {
		for j, v := range r {
			if v == "Kod" {
				head = i
			}
			if head == i {
				col[v] = j
			}
		}
		if head >= 0 {
			break
		}
	}
	if head < 0 {
		t.Fatal("no header row on the indicators sheet")
	}
	for _, r := range rows[head+1:] {
		if len(r) == 0 || r[0] != "asysta.rodziny_sad" {
			continue
		}
		if got := r[col["2024"]]; got != "<3" {
			t.Errorf("2024 = %q, want <3", got)
		}
		if got := r[col["2022"]]; got != "brak danych" {
			t.Errorf("2022 = %q, want brak danych", got)
		}
		return
	}
	t.Fatal("asysta.rodziny_sad not on the indicators sheet")
}
