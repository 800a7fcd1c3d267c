package partner

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gpwr/gpwr/model"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

func mustCatalog(t testing.TB) *Catalog {
	t.Helper()
	cat, err := LoadCatalog("")
	if err != nil {
		t.Fatalf("LoadCatalog: %v", err)
	}
	return cat
}

var expect2025 = Expect{Teryt: "9999011", Year: 2025}

// goldenReturn is what a dialect file must parse to.
type goldenReturn struct {
	Format      string          `json:"format"`
	Encoding    string          `json:"kodowanie"`
	Separator   string          `json:"separator"`
	Kind        string          `json:"rodzaj"`
	Institution string          `json:"instytucja"`
	Teryt       string          `json:"teryt"`
	Year        int             `json:"rok"`
	Rows        []Row           `json:"wiersze"`
	Findings    []model.Finding `json:"ustalenia"`
}

// TestDialects reads every file of testdata/dialekty and compares what it
// parsed with the golden JSON beside it. All files carry the same return, so
// the values must also agree with each other (checked below the goldens).
func TestDialects(t *testing.T) {
	cat := mustCatalog(t)
	files, _ := filepath.Glob("testdata/dialekty/*")
	var inputs []string
	for _, f := range files {
		if !strings.HasSuffix(f, ".golden") {
			inputs = append(inputs, f)
		}
	}
	if len(inputs) < 12 {
		t.Fatalf("expected at least 12 dialect files, found %d", len(inputs))
	}
	for _, in := range inputs {
		t.Run(filepath.Base(in), func(t *testing.T) {
			exp := expect2025
			if strings.Contains(in, "iso8859_2") {
				exp.Encoding = "iso-8859-2"
			}
			ret, fs := ReadFile(in, cat, exp)
			if ret == nil {
				t.Fatalf("no return: %v", fs)
			}
			for _, f := range fs {
				if f.Severity == model.Error {
					t.Errorf("unexpected error: %s", f)
				}
			}
			got := goldenReturn{ret.Format, ret.Encoding, ret.Separator, ret.Kind, ret.Institution, ret.Teryt, ret.Year, ret.Rows, fs}
			b, _ := json.MarshalIndent(got, "", "  ")
			b = append(b, '\n')
			golden := in + ".golden"
			if *update {
				if err := os.WriteFile(golden, b, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("missing golden file (run go test -update): %v", err)
			}
			if !bytes.Equal(b, want) {
				t.Errorf("parsed return differs from %s:\n got: %s\nwant: %s", golden, b, want)
			}
			// The same return in every dialect.
			vals := map[string]string{}
			for _, r := range ret.Rows {
				switch {
				case r.Value != nil:
					vals[r.Code] = itoa(*r.Value)
				case r.Text != "":
					vals[r.Code] = r.Text
				default:
					vals[r.Code] = "nil"
				}
			}
			want1 := map[string]string{
				"gkrpa.wnioski_leczenie":     "3",
				"gkrpa.formy_czasu_wolnego":  "1204",
				"gkrpa.formy_opis":           "wycieczki; kolonie, zajęcia",
				"gkrpa.uczestnicy":           "nil",
				"gkrpa.kwota_dofinansowania": "1250050",
				"gkrpa.niebieskie_karty":     "nil",
			}
			for k, v := range want1 {
				if vals[k] != v {
					t.Errorf("%s = %q, want %q", k, vals[k], v)
				}
			}
			if ret.Institution != "Gminna Komisja Rozwiązywania Problemów Alkoholowych w Przykładowie" {
				t.Errorf("institution %q: Polish letters lost", ret.Institution)
			}
		})
	}
}

func itoa(v int64) string {
	b, _ := json.Marshal(v)
	return string(b)
}

// TestParseValue covers the number notations of §3 one by one.
func TestParseValue(t *testing.T) {
	cases := []struct {
		raw     string
		numeric bool
		typ     Type
		want    int64
		check   string // "" = ok
	}{
		{"35", false, Count, 35, ""},
		{" 1 234 ", false, Count, 1234, ""},
		{"1\u00a0234\u00a0567", false, Count, 1234567, ""},
		{"1\u202f234", false, Count, 1234, ""},
		{"12,0", false, Count, 12, ""},
		{"1.234.567", false, Count, 1234567, ""},
		{"1,5", false, Count, 0, "zwrot.ulamek"},
		{"0.5", false, Count, 0, "zwrot.ulamek"},
		{"1.234", false, Count, 0, "zwrot.typ"}, // ambiguous
		{"-3", false, Count, 0, "zwrot.ujemna"},
		{"\u22123", false, Count, 0, "zwrot.ujemna"},
		{"35 rodzin", false, Count, 0, "zwrot.typ"},
		{"abc", false, Count, 0, "zwrot.typ"},
		{"35", true, Count, 35, ""},
		{"3.0000000000000004", true, Count, 3, ""},
		{"2.5", true, Count, 0, "zwrot.ulamek"},
		{"1234,56", false, Amount, 123456, ""},
		{"1 234,56 zł", false, Amount, 123456, ""},
		{"1 234,5zł", false, Amount, 123450, ""},
		{"1234.56", false, Amount, 123456, ""},
		{"1.234,56", false, Amount, 123456, ""},
		{"1,234.56", false, Amount, 123456, ""},
		{"86\u00a0072,89 zł", false, Amount, 8607289, ""},
		{"12 500 PLN", false, Amount, 1250000, ""},
		{"0,01", false, Amount, 1, ""},
		{"1,234", false, Amount, 0, "zwrot.typ"}, // 3 decimals
		{"-5,00", false, Amount, 0, "zwrot.ujemna"},
		{"12500.500000000002", true, Amount, 1250050, ""},
		{"0.30000000000000004", true, Amount, 30, ""},
		{"1.2345E+4", true, Amount, 1234500, ""},
		{"12.345", true, Amount, 0, "zwrot.typ"},
		{"1e999999999", true, Count, 0, "zwrot.typ"},
		{"1E-999999999", true, Amount, 0, "zwrot.typ"},
		{"1e31", true, Count, 0, "zwrot.typ"},
		{"99999999999999999999", false, Count, 0, "zwrot.typ"},
		{"1,2,3", false, Count, 0, "zwrot.typ"},
		{"1.23.4", false, Count, 0, "zwrot.typ"},
		{",5", false, Amount, 0, "zwrot.typ"},
		{"5,", false, Amount, 0, "zwrot.typ"}, // a separator with no digits after it
		{"12.", false, Count, 0, "zwrot.typ"},
		{"1.234,", false, Amount, 0, "zwrot.typ"},
	}
	for _, c := range cases {
		got, ve := parseValue(c.raw, c.numeric, c.typ)
		switch {
		case c.check == "" && ve != nil:
			t.Errorf("parseValue(%q,%v,%s): unexpected error %s", c.raw, c.numeric, c.typ, ve.Msg)
		case c.check == "" && got != c.want:
			t.Errorf("parseValue(%q,%v,%s) = %d, want %d", c.raw, c.numeric, c.typ, got, c.want)
		case c.check != "" && ve == nil:
			t.Errorf("parseValue(%q,%v,%s) = %d, want error %s", c.raw, c.numeric, c.typ, got, c.check)
		case c.check != "" && ve.Check != c.check:
			t.Errorf("parseValue(%q,%v,%s): check %s (%s), want %s", c.raw, c.numeric, c.typ, ve.Check, ve.Msg, c.check)
		}
	}
}

func TestNotReported(t *testing.T) {
	for _, s := range []string{"", "  ", "brak danych", "Brak Danych", "BRAK  DANYCH.", "b.d.", "B.D.", "b.d", "bd", "BD", "b/d"} {
		if !NotReported(s) {
			t.Errorf("NotReported(%q) = false", s)
		}
	}
	for _, s := range []string{"0", "brak", "-", "nd"} {
		if NotReported(s) {
			t.Errorf("NotReported(%q) = true", s)
		}
	}
}

func TestPESEL(t *testing.T) {
	if !validPESEL("44051401359") || !validPESEL("02070803628") {
		t.Error("valid PESEL numbers not recognised")
	}
	if validPESEL("44051401358") || validPESEL("4405140135") {
		t.Error("invalid PESEL accepted")
	}
	text := "a;44051401359\nb;444051401359\nc;x02070803628y\nd;44051401358\n"
	got := peselLines(text)
	if len(got) != 2 || got[0] != 1 || got[1] != 3 {
		t.Errorf("peselLines = %v, want [1 3]", got)
	}
}
