package partner

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// ReadTable gives every dialect of testdata/dialekty the same cells as the
// return reader, with line numbers, and refuses what it cannot read with
// "name:" or "name:line:".
func TestReadTable(t *testing.T) {
	files, _ := filepath.Glob("testdata/dialekty/*.csv")
	if len(files) == 0 {
		t.Fatal("no dialect files")
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		rows, err := ReadTable(filepath.Base(f), b, "")
		if err != nil {
			t.Errorf("%s: %v", f, err)
			continue
		}
		if len(rows) < 2 || NormHeader(rows[0].Cell(0)) != "kod" || NormHeader(rows[0].Cell(2)) != "wartosc" || rows[0].Line != 1 {
			t.Errorf("%s: header %+v", f, rows[0])
		}
		for i := 1; i < len(rows); i++ {
			if rows[i].Line <= rows[i-1].Line || rows[i].IsNumeric(2) {
				t.Errorf("%s: row %+v after line %d", f, rows[i], rows[i-1].Line)
			}
		}
	}

	// A blank line is left out; the lines stay those of the file.
	rows, err := ReadTable("a.csv", []byte("kod;wartosc\n\n;\nx.y;\"1\n2\"\nx.z;3\n"), "utf-8")
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 3 || rows[1].Line != 4 || rows[1].Cell(1) != "1\n2" || rows[2].Line != 6 || rows[2].Cell(5) != "" {
		t.Errorf("rows %+v", rows)
	}

	for _, tc := range []struct{ name, body, enc, want string }{
		{"a.ods", "x", "", "a.ods: nieobsługiwany rodzaj pliku"},
		{"a.xlsx", "to nie zip", "", "a.xlsx: nie można otworzyć pliku XLSX"},
		{"a.csv", "PK\x03\x04xxxx", "", "a.csv: plik jest skoroszytem Excela"},
		{"a.csv", "kod;wartosc\n", "ebcdic", "a.csv: nieznane kodowanie „ebcdic”"},
		{"a.csv", "kod;wartosc\n\xff\xfe", "utf-8", "a.csv: plik nie jest poprawnym tekstem UTF-8"},
	} {
		_, err := ReadTable(tc.name, []byte(tc.body), tc.enc)
		if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
			t.Errorf("%s %q: %v, want %q", tc.name, tc.body, err, tc.want)
		}
	}
}

// XLSX cells holding numbers are marked numeric, text cells are not, in any
// column.
func TestReadTableXLSX(t *testing.T) {
	f := excelize.NewFile()
	for i, r := range [][]any{{"kod", "uwagi", "wartosc"}, {"a.b", "x", 86072.89}, {nil}, {"a.c", 5, "12 000,5"}} {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow("Sheet1", cell, &r); err != nil {
			t.Fatal(err)
		}
	}
	b, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	rows, err := ReadTable("a.xlsx", b.Bytes(), "")
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 3 || rows[2].Line != 4 {
		t.Fatalf("rows %+v", rows)
	}
	if !rows[1].IsNumeric(2) || rows[1].IsNumeric(1) || !rows[2].IsNumeric(1) || rows[2].IsNumeric(2) || rows[0].IsNumeric(0) {
		t.Errorf("numeric flags %+v", rows)
	}
	v, err := ParseValue(rows[1].Cell(2), rows[1].IsNumeric(2), Amount)
	if err != nil || v == nil || *v != 8607289 {
		t.Errorf("ParseValue(%q) = %v, %v", rows[1].Cell(2), v, err)
	}
}

func TestParseValueExported(t *testing.T) {
	if v, err := ParseValue(" b.d. ", false, Count); v != nil || err != nil {
		t.Errorf("brak danych: %v %v", v, err)
	}
	if v, err := ParseValue("1 234,5 zł", false, Amount); err != nil || v == nil || *v != 123450 {
		t.Errorf("amount: %v %v", v, err)
	}
	_, err := ParseValue("1,5", false, Count)
	var ve *ValueError
	if !errors.As(err, &ve) || ve.Check != "zwrot.ulamek" || err.Error() != ve.Msg {
		t.Errorf("fraction: %v", err)
	}
}

func TestHasPESELAndNearest(t *testing.T) {
	for s, want := range map[string]bool{"dziecko 44051401359": true, "44051401359 44051401358": true, "44051401358 02070803628": true,
		"444051401359": false, "44051401358": false, "": false} {
		if HasPESEL(s) != want {
			t.Errorf("HasPESEL(%q) = %v", s, !want)
		}
	}
	cands := []string{"asysta.rodziny", "asysta.dzieci", "ppp.porady"}
	for s, want := range map[string]string{"asysta.rodzny": "asysta.rodziny", "ppp.porda": "ppp.porady", "zupelnie.cos_innego": "", "ab": "", strings.Repeat("a", 81): ""} {
		if got := Nearest(s, cands); got != want {
			t.Errorf("Nearest(%q) = %q, want %q", s, got, want)
		}
	}
	if got := Nearest("ab", []string{"cb", "aa", "ax"}); got != "aa" {
		t.Errorf("tie: %q, want the alphabetically first", got)
	}
}
