package partner

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// TableRow is one non-blank row of a table as read from the file: the cells of
// a CSV record or of a row of an XLSX's first sheet, with the 1-based line
// (CSV: where the record starts) or row (XLSX) and, for XLSX, which cells held
// numbers rather than text (their raw text, e.g. "1234.5", may carry float
// noise; see ParseValue).
type TableRow struct {
	Line    int
	Cells   []string
	Numeric []bool // nil for CSV
}

// Cell is the i-th cell as read, "" beyond the row's end.
func (r TableRow) Cell(i int) string {
	if i < 0 || i >= len(r.Cells) {
		return ""
	}
	return r.Cells[i]
}

// IsNumeric tells whether the i-th cell held an XLSX number.
func (r TableRow) IsNumeric(i int) bool { return i >= 0 && i < len(r.Numeric) && r.Numeric[i] }

// ReadTable reads a table a clerk typed, in the dialects partner returns come
// in (DATA-CONTRACT.md §3): the first sheet of an XLSX (.xlsx, .xlsm), or a
// CSV (.csv, .txt) in UTF-8 (BOM or not), Windows-1250 or ISO-8859-2 (encoding
// forces one: "", utf-8, windows-1250, iso-8859-2 and their spellings),
// separated by ';', ',' or a tab. Blank rows are left out. name is the file's
// base name: every error is one Polish sentence starting with "name:" (and
// the line of a CSV syntax error).
func ReadTable(name string, b []byte, encoding string) ([]TableRow, error) {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".xlsx", ".xlsm":
		bk, err := readXLSX(b)
		if err != nil {
			return nil, fmt.Errorf("%s: %v", name, err)
		}
		return bk.rows, nil
	case ".csv", ".txt":
	default:
		return nil, fmt.Errorf("%s: nieobsługiwany rodzaj pliku; oczekiwano CSV albo XLSX", name)
	}
	text, _, sep, err := csvText(b, encoding)
	if err != nil {
		return nil, fmt.Errorf("%s: %v", name, err)
	}
	rows, line, err := splitCSV(text, sep)
	if err != nil {
		return nil, fmt.Errorf("%s:%d: %s", name, line, csvSyntaxMsg(sep))
	}
	return rows, nil
}

// csvText decodes the bytes of a CSV file (see decodeText; encoding as the
// config gives it) and guesses its separator.
func csvText(b []byte, encoding string) (text, encName string, sep rune, err error) {
	enc, ok := normEncoding(encoding)
	if !ok {
		return "", "", 0, fmt.Errorf("nieznane kodowanie %s w konfiguracji; oczekiwano utf-8, windows-1250 albo iso-8859-2", quote(encoding))
	}
	text, encName, err = decodeText(b, enc)
	if err != nil {
		return "", "", 0, err
	}
	return text, encName, guessSeparator(text), nil
}

// csvSyntaxMsg says what is wrong with a CSV record encoding/csv refused.
func csvSyntaxMsg(sep rune) string {
	return fmt.Sprintf("błąd składni CSV (prawdopodobnie niezamknięty cudzysłów w tym wierszu); oczekiwano pól rozdzielonych separatorem (%s) i cudzysłowów w parach", sepName(sep))
}

// Encoding names as the config's [ustawienia] kodowanie gives them.
const (
	EncUTF8    = "utf-8"
	EncCP1250  = "windows-1250"
	EncISO8859 = "iso-8859-2"
)

// normEncoding maps the spellings a clerk may use onto EncUTF8, EncCP1250,
// EncISO8859 or "" (detect); ok is false for an unknown name.
func normEncoding(e string) (string, bool) {
	switch strings.ToLower(strings.TrimSpace(e)) {
	case "":
		return "", true
	case "utf-8", "utf8":
		return EncUTF8, true
	case "windows-1250", "cp1250", "win1250", "windows1250":
		return EncCP1250, true
	case "iso-8859-2", "iso8859-2", "latin2", "latin-2":
		return EncISO8859, true
	}
	return "", false
}

// decodeText turns the bytes of a CSV file into UTF-8 text. A BOM always wins;
// otherwise the forced encoding (if any) is used, or UTF-8 when the bytes are
// valid UTF-8 and Windows-1250 when not. It returns the text and the name of
// the encoding used, or a Polish sentence saying why the file is not text.
func decodeText(b []byte, forced string) (string, string, error) {
	if len(b) >= 4 && string(b[:4]) == "PK\x03\x04" {
		return "", "", errors.New("plik jest skoroszytem Excela (XLSX) zapisanym z rozszerzeniem .csv; zmień rozszerzenie na .xlsx albo zapisz go jako CSV")
	}
	if len(b) >= 8 && bytes.Equal(b[:8], []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}) {
		return "", "", errors.New("plik jest w starym formacie Excela (XLS); zapisz go jako .xlsx albo CSV")
	}
	var (
		dec  transform.Transformer
		name string
	)
	switch {
	case bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}):
		return validUTF8(b[3:], "utf-8 (BOM)")
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}), bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
		dec, name = unicode.BOMOverride(unicode.UTF8.NewDecoder()), "utf-16"
	case len(b) >= 4 && b[0] != 0 && b[1] == 0 && b[2] != 0 && b[3] == 0:
		dec, name = unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM).NewDecoder(), "utf-16le"
	case forced == EncUTF8:
		return validUTF8(b, EncUTF8)
	case forced == EncCP1250:
		dec, name = charmap.Windows1250.NewDecoder(), EncCP1250
	case forced == EncISO8859:
		dec, name = charmap.ISO8859_2.NewDecoder(), EncISO8859
	case utf8.Valid(b):
		return string(b), EncUTF8, nil
	default:
		dec, name = charmap.Windows1250.NewDecoder(), EncCP1250
	}
	out, _, err := transform.Bytes(dec, b)
	if err != nil {
		return "", "", fmt.Errorf("nie można odczytać pliku w kodowaniu %s", name)
	}
	s := string(out)
	if strings.ContainsRune(s, 0) {
		return "", "", errors.New("plik zawiera znaki binarne; oczekiwano pliku tekstowego CSV")
	}
	return s, name, nil
}

func validUTF8(b []byte, name string) (string, string, error) {
	if !utf8.Valid(b) {
		return "", "", errors.New("plik nie jest poprawnym tekstem UTF-8; zapisz go jako „CSV UTF-8” albo ustaw [ustawienia] kodowanie")
	}
	s := string(b)
	if strings.ContainsRune(s, 0) {
		return "", "", errors.New("plik zawiera znaki binarne; oczekiwano pliku tekstowego CSV")
	}
	return s, name, nil
}

// guessSeparator looks at the first line and picks the separator that occurs
// most often outside quotes among ';', ',' and tab; ';' when none occurs or on
// a tie with ';' (Polish Excel's choice).
func guessSeparator(text string) rune {
	line := text
	if i := strings.IndexAny(text, "\r\n"); i >= 0 {
		line = text[:i]
	}
	counts := map[rune]int{}
	inQ := false
	for _, r := range line {
		switch {
		case r == '"':
			inQ = !inQ
		case !inQ && (r == ';' || r == ',' || r == '\t'):
			counts[r]++
		}
	}
	best := ';'
	for _, r := range []rune{',', '\t'} {
		if counts[r] > counts[best] {
			best = r
		}
	}
	return best
}

// sepName is the Polish name of a separator, for messages and FileResult.
func sepName(r rune) string {
	switch r {
	case ';':
		return "średnik"
	case ',':
		return "przecinek"
	case '\t':
		return "tabulator"
	}
	return string(r)
}

// splitCSV reads the records of text. Records whose cells are all blank are
// skipped. On a syntax error it returns the rows read so far and the error with
// its line.
func splitCSV(text string, sep rune) ([]TableRow, int, error) {
	r := csv.NewReader(strings.NewReader(text))
	r.Comma = sep
	r.FieldsPerRecord = -1
	r.LazyQuotes = true
	var rows []TableRow
	for {
		rec, err := r.Read()
		if err == io.EOF {
			return rows, 0, nil
		}
		if err != nil {
			line := 0
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				line = pe.Line
			}
			return rows, line, err
		}
		line, _ := r.FieldPos(0)
		if blank(rec) {
			continue
		}
		rows = append(rows, TableRow{Line: line, Cells: rec})
	}
}

func blank(cells []string) bool {
	for _, c := range cells {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// xlsxBook is an opened workbook: the rows of the first sheet, and the text of
// every cell of every sheet with its sheet and row, for the PESEL scan.
type xlsxBook struct {
	rows  []TableRow
	cells []sheetCell
	first string
}

type sheetCell struct {
	sheet string
	row   int
	text  string
}

// readXLSX opens a workbook from bytes. Numbers come back unformatted
// ("1234.5"), so the cell's display format (en-US in the file) does not matter.
func readXLSX(b []byte) (bk *xlsxBook, err error) {
	// A damaged workbook must give a message, not a crash of the whole run.
	defer func() {
		if r := recover(); r != nil {
			bk, err = nil, errors.New("nie można odczytać pliku XLSX (plik uszkodzony)")
		}
	}()
	f, err := excelize.OpenReader(bytes.NewReader(b), excelize.Options{UnzipSizeLimit: 256 << 20, UnzipXMLSizeLimit: 64 << 20})
	if err != nil {
		return nil, errors.New("nie można otworzyć pliku XLSX (plik uszkodzony albo to nie jest skoroszyt Excela)")
	}
	defer f.Close()
	sheets := f.GetSheetList()
	if len(sheets) == 0 {
		return nil, errors.New("skoroszyt nie ma żadnego arkusza")
	}
	bk = &xlsxBook{first: sheets[0]}
	for si, sh := range sheets {
		rows, err := f.GetRows(sh, excelize.Options{RawCellValue: true})
		if err != nil {
			return nil, fmt.Errorf("nie można odczytać arkusza „%s”", sh)
		}
		for ri, cells := range rows {
			for _, c := range cells {
				if c != "" {
					bk.cells = append(bk.cells, sheetCell{sheet: sh, row: ri + 1, text: c})
				}
			}
			if si != 0 || blank(cells) {
				continue
			}
			rr := TableRow{Line: ri + 1, Cells: cells, Numeric: make([]bool, len(cells))}
			for ci := range cells {
				if cells[ci] == "" {
					continue
				}
				axis, _ := excelize.CoordinatesToCellName(ci+1, ri+1)
				if t, err := f.GetCellType(sh, axis); err == nil && (t == excelize.CellTypeNumber || t == excelize.CellTypeUnset) && looksNumeric(cells[ci]) {
					rr.Numeric[ci] = true
				}
			}
			bk.rows = append(bk.rows, rr)
		}
	}
	return bk, nil
}

// looksNumeric tells a raw XLSX number ("12", "1234.5", "1.5E-3") from text.
func looksNumeric(s string) bool {
	if s == "" {
		return false
	}
	digits := false
	for i, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digits = true
		case r == '.' || r == 'E' || r == 'e' || r == '+':
		case r == '-' && (i == 0 || s[i-1] == 'E' || s[i-1] == 'e'):
		default:
			return false
		}
	}
	return digits
}
