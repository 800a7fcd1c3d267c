package forms

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/gpwr/gpwr/collectors/partner"
	"github.com/gpwr/gpwr/internal/config"
	"github.com/gpwr/gpwr/model"
)

const testConfig = `
[gmina]
nazwa = "Przykładowo"
teryt = "9999011"

[ops]
nazwa = "Gminny Ośrodek Pomocy Społecznej w Przykładowie"
adres = "ul. Przykładowa 1, 99-999 Przykładowo"
email = "gops@przykladowo.invalid"

[program]
nazwa = "Gminny Program Wspierania Rodziny na lata 2023–2025"

[[partner]]
rodzaj = "ppp"
nazwa  = "Poradnia Psychologiczno-Pedagogiczna w Przykładowie"

[[partner]]
rodzaj = "gkrpa"
nazwa  = "Gminna Komisja Rozwiązywania Problemów Alkoholowych"

[[partner]]
rodzaj = "szkoly"
nazwa  = "Szkoła Podstawowa nr 1 im. Marii Konopnickiej w Przykładowie"

[[partner]]
rodzaj = "szkoly"
nazwa  = "Szkoła Podstawowa w Dąbrówce"

[[partner]]
rodzaj = "pik"
nazwa  = "Punkt Interwencji Kryzysowej"
plik   = "PIK przy TKOPD"
`

func setup(t *testing.T) (*config.Config, *partner.Catalog) {
	t.Helper()
	cfg, err := config.Parse([]byte(testConfig), filepath.Join(t.TempDir(), "gpwr.toml"))
	if err != nil {
		t.Fatal(err)
	}
	cat, err := partner.LoadCatalog("")
	if err != nil {
		t.Fatal(err)
	}
	return cfg, cat
}

func TestWriteNames(t *testing.T) {
	cfg, cat := setup(t)
	dir := t.TempDir()
	paths, err := Write(dir, cfg, cat, 2025)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, p := range paths {
		names = append(names, filepath.Base(p))
	}
	want := []string{
		"zwrot_ppp_2025.csv", "zwrot_ppp_2025.xlsx", "zwrot_ppp_2025_instrukcja.txt",
		"zwrot_gkrpa_2025.csv", "zwrot_gkrpa_2025.xlsx", "zwrot_gkrpa_2025_instrukcja.txt",
		"zwrot_szkoly_szkola_podstawowa_nr_1_im_marii_konopnic_2025.csv", "zwrot_szkoly_szkola_podstawowa_nr_1_im_marii_konopnic_2025.xlsx", "zwrot_szkoly_szkola_podstawowa_nr_1_im_marii_konopnic_2025_instrukcja.txt",
		"zwrot_szkoly_szkola_podstawowa_w_dabrowce_2025.csv", "zwrot_szkoly_szkola_podstawowa_w_dabrowce_2025.xlsx", "zwrot_szkoly_szkola_podstawowa_w_dabrowce_2025_instrukcja.txt",
		"pik_przy_tkopd_2025.csv", "pik_przy_tkopd_2025.xlsx", "pik_przy_tkopd_2025_instrukcja.txt",
	}
	if strings.Join(names, "\n") != strings.Join(want, "\n") {
		t.Errorf("names:\n%s", strings.Join(names, "\n"))
	}
	for _, n := range names {
		for _, r := range n {
			if r > 127 || r == ' ' {
				t.Errorf("file name %q not plain ASCII", n)
			}
		}
	}
	// The CSV is what Polish Excel opens: BOM, semicolons, CRLF.
	b, _ := os.ReadFile(filepath.Join(dir, "zwrot_ppp_2025.csv"))
	if !bytes.HasPrefix(b, []byte("\xef\xbb\xbfkod;wskaznik;wartosc;uwagi\r\nmeta.rodzaj;Rodzaj instytucji;ppp;\r\n")) {
		t.Errorf("CSV start: %q", b[:80])
	}
	if bytes.Count(b, []byte("\n")) != bytes.Count(b, []byte("\r\n")) {
		t.Error("bare LF in CSV")
	}
	for _, want := range []string{"meta.teryt;Kod TERYT gminy;9999011;", "meta.rok;Rok sprawozdawczy;2025;", "meta.gmina;Gmina;Przykładowo;",
		"meta.instytucja;Nazwa instytucji;Poradnia Psychologiczno-Pedagogiczna w Przykładowie;", "ppp.rodziny_wsparcie;Liczba rodzin z dziećmi z terenu gminy, którym udzielono wsparcia;;"} {
		if !bytes.Contains(b, []byte(want+"\r\n")) {
			t.Errorf("CSV lacks %q", want)
		}
	}
	txt, _ := os.ReadFile(filepath.Join(dir, "zwrot_ppp_2025_instrukcja.txt"))
	for _, want := range []string{"„brak danych”", "PESEL", "gops@przykladowo.invalid", "ppp.porady", "za rok 2025"} {
		if !bytes.Contains(txt, []byte(want)) {
			t.Errorf("instruction lacks %q", want)
		}
	}
}

func TestXLSXLayout(t *testing.T) {
	cfg, cat := setup(t)
	dir := t.TempDir()
	if _, err := Write(dir, cfg, cat, 2025); err != nil {
		t.Fatal(err)
	}
	x, err := excelize.OpenFile(filepath.Join(dir, "zwrot_ppp_2025.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	if got := x.GetSheetList(); len(got) != 2 || got[0] != SheetData || got[1] != SheetHelp {
		t.Fatalf("sheets %v", got)
	}
	rows, _ := x.GetRows(SheetData)
	if strings.Join(rows[0], ";") != "kod;wskaznik;wartosc;uwagi" {
		t.Errorf("header %v", rows[0])
	}
	if len(rows) != 1+len(partner.MetaCodes)+5 {
		t.Errorf("%d rows", len(rows))
	}
	st, _ := x.GetCellStyle(SheetData, "B1")
	style, _ := x.GetStyle(st)
	if style.Font == nil || !style.Font.Bold {
		t.Error("header not bold")
	}
	panes, _ := x.GetPanes(SheetData)
	if !panes.Freeze || panes.YSplit != 1 {
		t.Errorf("header not frozen: %+v", panes)
	}
	if w, _ := x.GetColWidth(SheetData, "B"); w < 60 {
		t.Errorf("label column width %v", w)
	}
	lockedA, _ := x.GetCellStyle(SheetData, "A9")
	sa, _ := x.GetStyle(lockedA)
	if (sa.Protection != nil && !sa.Protection.Locked) || len(sa.Fill.Color) == 0 {
		t.Errorf("kod column not locked and grey: %+v", sa)
	}
	inC, _ := x.GetCellStyle(SheetData, "C9")
	sc, _ := x.GetStyle(inC)
	if sc.Protection == nil || sc.Protection.Locked {
		t.Errorf("value cells must be unlocked: %+v", sc.Protection)
	}
	help, _ := x.GetRows(SheetHelp)
	if len(help) < 10 || !strings.Contains(help[0][0], "za rok 2025") {
		t.Errorf("instruction sheet %v", help)
	}
}

// TestRoundTrip: a blank form reads back without errors and with every value
// not reported; a filled one gives the typed values.
func TestRoundTrip(t *testing.T) {
	cfg, cat := setup(t)
	dir := t.TempDir()
	if _, err := Write(dir, cfg, cat, 2025); err != nil {
		t.Fatal(err)
	}
	exp := partner.Expect{Teryt: "9999011", Year: 2025, Partners: cfg.Partnerzy}
	for _, ext := range []string{".csv", ".xlsx"} {
		ret, fs := partner.ReadFile(filepath.Join(dir, "zwrot_gkrpa_2025"+ext), cat, exp)
		if ret == nil || ret.Errors != 0 {
			t.Fatalf("blank %s: %v", ext, fs)
		}
		if len(fs) != 1 || fs[0].Check != "zwrot.pusty" || fs[0].Severity != model.Warning {
			t.Errorf("blank %s: want only the empty-return warning, got %v", ext, fs)
		}
		if ret.Kind != "gkrpa" || ret.Institution != "Gminna Komisja Rozwiązywania Problemów Alkoholowych" || ret.Year != 2025 {
			t.Errorf("blank %s meta: %+v", ext, ret)
		}
		for _, r := range ret.Rows {
			if r.Value != nil || r.Text != "" {
				t.Errorf("blank %s: %s has a value", ext, r.Code)
			}
		}
	}

	// Fill the CSV as a partner would in a text editor.
	csvPath := filepath.Join(dir, "zwrot_gkrpa_2025.csv")
	b, _ := os.ReadFile(csvPath)
	s := string(b)
	fill := func(code, value, remark string) {
		i := strings.Index(s, "\r\n"+code+";")
		j := strings.Index(s[i+2:], "\r\n") + i + 2
		line := s[i+2 : j]
		parts := strings.Split(line, ";")
		if len(parts) != 4 {
			t.Fatalf("line %q", line)
		}
		parts[2], parts[3] = value, remark
		s = s[:i+2] + strings.Join(parts, ";") + s[j:]
	}
	fill("gkrpa.wnioski_leczenie", "0", "")
	fill("gkrpa.kwota_dofinansowania", "12 500,00 zł", "wycieczki i mikołajki")
	fill("gkrpa.uczestnicy", "brak danych", "nie prowadzimy rejestru")
	fill("gkrpa.formy_opis", "wycieczki, piknik rodzinny", "")
	if err := os.WriteFile(csvPath, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
	// Fill the XLSX as a partner would in Excel: numbers as numbers.
	xlsxPath := filepath.Join(dir, "zwrot_ppp_2025.xlsx")
	x, err := excelize.OpenFile(xlsxPath)
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := x.GetRows(SheetData)
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(3, i+1)
		switch r[0] {
		case "ppp.rodziny_wsparcie":
			_ = x.SetCellInt(SheetData, cell, 35)
		case "ppp.porady":
			_ = x.SetCellStr(SheetData, cell, "1 204")
		case "ppp.grupy_wsparcia":
			_ = x.SetCellInt(SheetData, cell, 0)
			d, _ := excelize.CoordinatesToCellName(4, i+1)
			_ = x.SetCellStr(SheetData, d, "grupa się nie zawiązała")
		case partner.MetaPreparer:
			_ = x.SetCellStr(SheetData, cell, "pedagog")
		}
	}
	if err := x.Save(); err != nil {
		t.Fatal(err)
	}
	x.Close()
	// Remove the other forms so the directory holds the two filled returns.
	for _, p := range mustGlob(t, dir) {
		if !strings.HasSuffix(p, "zwrot_gkrpa_2025.csv") && !strings.HasSuffix(p, "zwrot_ppp_2025.xlsx") {
			os.Remove(p)
		}
	}
	res := partner.ReadDir(dir, cat, exp)
	if res.Errors() != 0 {
		t.Fatalf("filled forms: %v", res.Findings)
	}
	set := model.Set{Indicators: res.Indicators}
	check := func(code string, want *int64, remark string) {
		t.Helper()
		ind, ok := set.Get(code)
		if !ok {
			t.Fatalf("%s missing", code)
		}
		if (ind.Value == nil) != (want == nil) || (want != nil && *ind.Value != *want) || ind.Remark != remark {
			t.Errorf("%s = %v %q, want %v %q", code, ind.Value, ind.Remark, want, remark)
		}
	}
	check("gkrpa.wnioski_leczenie", model.Int(0), "")
	check("gkrpa.kwota_dofinansowania", model.Int(1250000), "wycieczki i mikołajki")
	check("gkrpa.uczestnicy", nil, "nie prowadzimy rejestru")
	check("ppp.rodziny_wsparcie", model.Int(35), "")
	check("ppp.porady", model.Int(1204), "")
	check("ppp.grupy_wsparcia", model.Int(0), "grupa się nie zawiązała")
	check("ppp.terapia_rodzin", nil, "")
	if ind, _ := set.Get("gkrpa.formy_opis"); ind.Text != "wycieczki, piknik rodzinny" || ind.Unit != model.UnitText {
		t.Errorf("text: %+v", ind)
	}
	if ind, _ := set.Get("gkrpa.kwota_dofinansowania"); ind.Unit != model.UnitMoney || ind.Source != "zwrot_gkrpa_2025.csv" {
		t.Errorf("amount: %+v", ind)
	}
	if len(res.Missing) != 3 { // two schools and the PIK sent nothing
		t.Errorf("missing %+v", res.Missing)
	}
}

func mustGlob(t *testing.T, dir string) []string {
	t.Helper()
	m, err := filepath.Glob(filepath.Join(dir, "*"))
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func TestWriteErrors(t *testing.T) {
	cfg, cat := setup(t)
	cfg.Partnerzy = append(cfg.Partnerzy, config.Partner{Rodzaj: "zi", Nazwa: "Zespół"})
	if _, err := Write(t.TempDir(), cfg, cat, 2025); err == nil || !strings.Contains(err.Error(), "[[partner]] nr 6 (Zespół): nieznany rodzaj \"zi\"") {
		t.Errorf("unknown kind: %v", err)
	}
	cfg.Partnerzy = nil
	if _, err := Write(t.TempDir(), cfg, cat, 2025); err == nil || !strings.Contains(err.Error(), "[[partner]]") {
		t.Errorf("no partners: %v", err)
	}
}
