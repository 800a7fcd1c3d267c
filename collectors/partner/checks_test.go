package partner

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/gpwr/gpwr/internal/config"
	"github.com/gpwr/gpwr/model"
)

const goodHead = "kod;wskaznik;wartosc;uwagi\n" +
	"meta.rodzaj;Rodzaj instytucji;ppp;\n" +
	"meta.instytucja;Nazwa instytucji;Poradnia Psychologiczno-Pedagogiczna w Przykładowie;\n" +
	"meta.teryt;Kod TERYT gminy;9999011;\n" +
	"meta.rok;Rok sprawozdawczy;2025;\n"

func writeFile(t *testing.T, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestChecks: one case per check of §3, each with the place and the words
// the message must contain.
func TestChecks(t *testing.T) {
	cat := mustCatalog(t)
	cases := []struct {
		name    string
		content string
		check   string
		place   string // file:line
		words   []string
	}{
		{"teryt", strings.Replace(goodHead, "9999011", "2404023", 1) + "ppp.porady;Porady;5;\n",
			"zwrot.teryt", "f.csv:4", []string{"„2404023”", "oczekiwano 9999011"}},
		{"rok", strings.Replace(goodHead, ";2025;", ";2024;", 1) + "ppp.porady;Porady;5;\n",
			"zwrot.rok", "f.csv:5", []string{"za rok 2024", "oczekiwano roku 2025"}},
		{"rok nieczytelny", strings.Replace(goodHead, ";2025;", ";dwa tysiące;", 1),
			"zwrot.rok", "f.csv:5", []string{"nieczytelny"}},
		{"brak teryt", strings.Replace(goodHead, "meta.teryt;Kod TERYT gminy;9999011;\n", "", 1),
			"zwrot.teryt", "f.csv", []string{"brak wiersza meta.teryt"}},
		{"naglowek", strings.Replace(goodHead, "kod;wskaznik;wartosc;uwagi", "kod;nazwa;liczba;uwagi", 1),
			"zwrot.naglowek", "f.csv:1", []string{"kod;wskaznik;wartosc;uwagi"}},
		{"brak naglowka", strings.TrimPrefix(goodHead, "kod;wskaznik;wartosc;uwagi\n"),
			"zwrot.naglowek", "f.csv:1", []string{"nagłówkiem"}},
		{"nieznany kod", goodHead + "ppp.porada;Porady;5;\n",
			"zwrot.kod_nieznany", "f.csv:6", []string{"„ppp.porada”", "czy chodziło o ppp.porady?"}},
		{"nieznany kod bez podpowiedzi", goodHead + "zupelnie.cos_innego_calkiem;X;5;\n",
			"zwrot.kod_nieznany", "f.csv:6", []string{"oczekiwano kodu z formularza"}},
		{"typ liczba", goodHead + "ppp.porady;Porady;dużo;\n",
			"zwrot.typ", "f.csv:6", []string{"ppp.porady", "oczekiwano liczby całkowitej ≥ 0", "„dużo”"}},
		{"typ kwota", strings.Replace(goodHead, ";ppp;", ";gkrpa;", 1) + "gkrpa.kwota_dofinansowania;Kwota;sto złotych;\n",
			"zwrot.typ", "f.csv:6", []string{"oczekiwano kwoty"}},
		{"ujemna", goodHead + "ppp.porady;Porady;-4;\n",
			"zwrot.ujemna", "f.csv:6", []string{"nie może być ujemna"}},
		{"ulamek", goodHead + "ppp.porady;Porady;4,5;\n",
			"zwrot.ulamek", "f.csv:6", []string{"musi być całkowita"}},
		{"duplikat", goodHead + "ppp.porady;Porady;4;\nppp.grupy_wsparcia;Grupy;0;\nppp.porady;Porady;5;\n",
			"zwrot.duplikat", "f.csv:8", []string{"drugi raz", "wierszu 6"}},
		{"rodzaj nieznany", strings.Replace(goodHead, ";ppp;", ";pp;", 1),
			"zwrot.rodzaj", "f.csv:2", []string{"nieznany rodzaj", "czy chodziło o ppp?"}},
		{"brak rodzaju", strings.Replace(goodHead, "meta.rodzaj;Rodzaj instytucji;ppp;\n", "", 1),
			"zwrot.rodzaj", "f.csv", []string{"brak wiersza meta.rodzaj"}},
		{"kod obcy", goodHead + "policja.dzielnicowi;Dzielnicowi;6;\n",
			"zwrot.kod_obcy", "f.csv:6", []string{"rodzaju policja", "ppp.*"}},
		{"kolumny", goodHead + "ppp.porady;Porady;4;uwaga;nadmiarowa\n",
			"zwrot.kolumny", "f.csv:6", []string{"więcej niż 4 kolumny"}},
		{"przecinek dziesietny bez cudzyslowu", strings.ReplaceAll(strings.Replace(goodHead, ";ppp;", ";gkrpa;", 1), ";", ",") + "gkrpa.kwota_dofinansowania,Kwota,100,50,\n",
			"zwrot.kolumny", "f.csv:6", []string{"cudzysłów"}},
		{"brak kodu", goodHead + ";Porady;4;\n",
			"zwrot.kod", "f.csv:6", []string{"brak kodu"}},
		{"pusty", "", "zwrot.pusty", "f.csv", []string{"jest pusty"}},
		{"xlsx jako csv", "PK\x03\x04reszta", "zwrot.kodowanie", "f.csv", []string{"XLSX"}},
		{"pesel w uwagach", goodHead + "ppp.porady;Porady;4;dotyczy 44051401359\n",
			"zwrot.pesel", "f.csv:6", []string{"plik odrzucony", "PESEL"}},
		{"pesel w kodzie", goodHead + "44051401359;Porady;4;\n",
			"zwrot.pesel", "f.csv:6", []string{"plik odrzucony"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			p := writeFile(t, dir, "f.csv", c.content)
			ret, fs := ReadFile(p, cat, expect2025)
			var hit *model.Finding
			for i := range fs {
				if fs[i].Check == c.check {
					hit = &fs[i]
					break
				}
			}
			if hit == nil {
				t.Fatalf("no finding %s; got %v", c.check, fs)
			}
			if hit.Severity != model.Error {
				t.Errorf("severity %s, want error", hit.Severity)
			}
			if hit.Place != c.place {
				t.Errorf("place %q, want %q", hit.Place, c.place)
			}
			for _, w := range c.words {
				if !strings.Contains(hit.Message, w) {
					t.Errorf("message %q lacks %q", hit.Message, w)
				}
			}
			if ret != nil && ret.Errors == 0 {
				t.Errorf("Return.Errors = 0 with an error finding")
			}
			if c.check == "zwrot.pesel" {
				if ret.Rows != nil {
					t.Errorf("refused file kept %d rows", len(ret.Rows))
				}
				if ret.Kind != "ppp" || ret.Institution == "" {
					t.Errorf("refused file lost its kind or institution (the partner would be listed as silent): %+v", ret)
				}
				for _, f := range fs {
					if f.Check != "zwrot.pesel" {
						t.Errorf("a refused file must report only the PESEL, got %s", f)
					}
					if strings.Contains(f.String(), "44051401359") || strings.Contains(f.String(), "4405140") {
						t.Errorf("finding echoes the PESEL: %s", f)
					}
				}
			}
		})
	}
}

// TestCheckGoodFileClean makes sure the good head itself raises nothing, so the
// cases above fail for their own reason.
func TestCheckGoodFileClean(t *testing.T) {
	cat := mustCatalog(t)
	p := writeFile(t, t.TempDir(), "f.csv", goodHead+"ppp.porady;Porady;5;\n")
	ret, fs := ReadFile(p, cat, expect2025)
	if len(fs) != 0 || ret.Errors != 0 {
		t.Fatalf("unexpected findings: %v", fs)
	}
	if len(ret.Rows) != 1 || *ret.Rows[0].Value != 5 {
		t.Fatalf("rows %+v", ret.Rows)
	}
}

// TestTerytLeadingZero: Excel drops the leading zero of a TERYT typed as a number.
func TestTerytLeadingZero(t *testing.T) {
	cat := mustCatalog(t)
	p := writeFile(t, t.TempDir(), "f.csv", strings.Replace(goodHead, "9999011", "201011", 1)+"ppp.porady;Porady;5;\n")
	_, fs := ReadFile(p, cat, Expect{Teryt: "0201011", Year: 2025})
	if len(fs) != 0 {
		t.Fatalf("unexpected findings: %v", fs)
	}
}

func TestPESELInXLSX(t *testing.T) {
	cat := mustCatalog(t)
	dir := t.TempDir()
	f := excelize.NewFile()
	rows := strings.Split(strings.TrimSpace(goodHead+"ppp.porady;Porady;5;"), "\n")
	for i, r := range rows {
		cells := strings.Split(r, ";")
		for j, v := range cells {
			cell, _ := excelize.CoordinatesToCellName(j+1, i+1)
			_ = f.SetCellValue("Sheet1", cell, v)
		}
	}
	_, _ = f.NewSheet("Notatki")
	_ = f.SetCellValue("Notatki", "B3", 2070803628) // a number cell, leading zero lost: not 11 digits
	_ = f.SetCellValue("Notatki", "B4", "02070803628")
	p := filepath.Join(dir, "f.xlsx")
	if err := f.SaveAs(p); err != nil {
		t.Fatal(err)
	}
	ret, fs := ReadFile(p, cat, expect2025)
	if len(fs) != 1 || fs[0].Check != "zwrot.pesel" || !strings.Contains(fs[0].Message, "arkusz „Notatki”, wiersz 4") {
		t.Fatalf("findings %v", fs)
	}
	if strings.Contains(fs[0].Message, "02070803628") || ret.Rows != nil {
		t.Fatalf("PESEL echoed or rows kept")
	}
}

// TestReadDir: a bad file never hides the others, a file with errors gives no
// indicators, two schools are summed, other files are warnings, partners who
// sent nothing are listed.
func TestReadDir(t *testing.T) {
	cat := mustCatalog(t)
	dir := t.TempDir()
	head := func(kind, inst string) string {
		return "kod;wskaznik;wartosc;uwagi\nmeta.rodzaj;R;" + kind + ";\nmeta.instytucja;N;" + inst + ";\nmeta.teryt;T;9999011;\nmeta.rok;R;2025;\n"
	}
	writeFile(t, dir, "a_zly.csv", head("ppp", "Poradnia")+"ppp.porady;P;-1;\nppp.rodziny_wsparcie;R;35;\n")
	writeFile(t, dir, "b_policja.csv", head("policja", "KPP")+"policja.dzielnicowi;D;6;\npolicja.rozmowy_profilaktyczne;R;brak danych;nie liczymy\n")
	writeFile(t, dir, "c_sp1.csv", head("szkoly", "Szkoła Podstawowa nr 1")+"szkoly.prelekcje;P;4;w tym 1 dla rodziców\nszkoly.programy_opis;O;„Bezpieczna szkoła”;\nszkoly.spotkania_rodzice;S;2;\n")
	writeFile(t, dir, "d_sp2.csv", head("szkoly", "Szkoła Podstawowa w Dąbrówce")+"szkoly.prelekcje;P;7;\nszkoly.programy_opis;O;„Trzymaj formę”;\nszkoly.spotkania_rodzice;S;b.d.;\n")
	writeFile(t, dir, "notatka.txt", "to nie jest zwrot")
	writeFile(t, dir, "~$c_sp1.csv", "lock")
	partners := []config.Partner{
		{Rodzaj: "ppp", Nazwa: "Poradnia"},
		{Rodzaj: "policja", Nazwa: "Komenda Powiatowa Policji"},
		{Rodzaj: "szkoly", Nazwa: "Szkoła Podstawowa nr 1"},
		{Rodzaj: "szkoly", Nazwa: "Szkoła Podstawowa w Dąbrówce"},
		{Rodzaj: "pcpr", Nazwa: "PCPR"},
	}
	exp := expect2025
	exp.Partners = partners
	res := ReadDir(dir, cat, exp)

	if len(res.Files) != 4 {
		t.Fatalf("files %+v", res.Files)
	}
	if res.Files[0].Name != "a_zly.csv" || res.Files[0].Errors != 1 {
		t.Errorf("bad file result %+v", res.Files[0])
	}
	if got := res.BadFiles(); len(got) != 1 || got[0] != "a_zly.csv" {
		t.Errorf("BadFiles %v", got)
	}
	if len(res.Missing) != 1 || res.Missing[0].Rodzaj != "pcpr" {
		t.Errorf("Missing %+v", res.Missing)
	}
	for _, ind := range res.Indicators {
		if strings.HasPrefix(ind.Code, "ppp.") {
			t.Errorf("file with errors contributed %s", ind.Code)
		}
	}
	set := model.Set{Indicators: res.Indicators}
	if v, ok := set.Value("policja.dzielnicowi"); !ok || v != 6 {
		t.Errorf("policja.dzielnicowi = %d %v", v, ok)
	}
	if ind, _ := set.Get("policja.rozmowy_profilaktyczne"); ind.Value != nil || ind.Remark != "nie liczymy" || ind.Unit != model.UnitCount || ind.Source != "b_policja.csv" {
		t.Errorf("not reported must stay nil with its remark: %+v", ind)
	}
	if ind, ok := set.Get("policja.interwencje_domowe"); !ok || ind.Value != nil {
		t.Errorf("a code left out of the file must be emitted as not reported: %+v %v", ind, ok)
	}
	pre, _ := set.Get("szkoly.prelekcje")
	if pre.Value == nil || *pre.Value != 11 || pre.Remark != "Szkoła Podstawowa nr 1: w tym 1 dla rodziców" || pre.Source != "c_sp1.csv, d_sp2.csv" {
		t.Errorf("two schools not summed: %+v", pre)
	}
	sp, _ := set.Get("szkoly.spotkania_rodzice")
	if sp.Value == nil || *sp.Value != 2 || !strings.Contains(sp.Remark, "brak danych od: Szkoła Podstawowa w Dąbrówce") {
		t.Errorf("partial sum not flagged: %+v", sp)
	}
	op, _ := set.Get("szkoly.programy_opis")
	if op.Text != "Szkoła Podstawowa nr 1: „Bezpieczna szkoła”; Szkoła Podstawowa w Dąbrówce: „Trzymaj formę”" {
		t.Errorf("texts: %q", op.Text)
	}
	if pre.From != model.D(2025, 1, 1) || pre.To != model.D(2025, 12, 31) {
		t.Errorf("period %v–%v", pre.From, pre.To)
	}
	var skipped bool
	for _, f := range res.Findings {
		skipped = skipped || (f.Check == "zwrot.pominiety" && f.Place == "notatka.txt" && f.Severity == model.Warning)

		if strings.Contains(f.Place, "~$") {
			t.Errorf("Excel lock file reported: %s", f)
		}
	}
	if !skipped {
		t.Errorf("findings lack the skipped file: %v", res.Findings)
	}
	if len(res.Sources) != 4 || res.Sources[0].Kind != "partner" || len(res.Sources[0].SHA256) != 64 || res.Sources[0].Note == "" {
		t.Errorf("sources %+v", res.Sources)
	}
	if res.Errors() != 1 {
		t.Errorf("Errors() = %d, want 1: %v", res.Errors(), res.Findings)
	}
}

func TestReadDirDuplicateInstitution(t *testing.T) {
	cat := mustCatalog(t)
	dir := t.TempDir()
	writeFile(t, dir, "zwrot_ppp_2025.csv", goodHead+"ppp.porady;P;5;\n")
	writeFile(t, dir, "zwrot_ppp_2025 (kopia).csv", strings.Replace(goodHead, "Przykładowie", "PRZYKŁADOWIE", 1)+"ppp.porady;P;5;\n")
	res := ReadDir(dir, cat, expect2025)
	n := 0
	for _, f := range res.Findings {
		if f.Check == "zwrot.podwojny" {
			n++
		}
	}
	if n != 2 || len(res.Indicators) != 0 {
		t.Fatalf("duplicate returns: %d findings, %d indicators: %v", n, len(res.Indicators), res.Findings)
	}
}

func TestReadDirMissingDir(t *testing.T) {
	cat := mustCatalog(t)
	exp := expect2025
	exp.Partners = []config.Partner{{Rodzaj: "ppp", Nazwa: "P"}}
	res := ReadDir(filepath.Join(t.TempDir(), "nie_ma"), cat, exp)
	if res.Errors() != 1 || len(res.Missing) != 1 {
		t.Fatalf("%+v", res)
	}
}

func TestBrokenXLSX(t *testing.T) {
	cat := mustCatalog(t)
	p := writeFile(t, t.TempDir(), "f.xlsx", "to nie jest skoroszyt")
	ret, fs := ReadFile(p, cat, expect2025)
	if len(fs) != 1 || fs[0].Check != "zwrot.plik" || fs[0].Place != "f.xlsx" || !strings.Contains(fs[0].Message, "XLSX") || ret.Errors != 1 {
		t.Fatalf("findings %v", fs)
	}
}

func TestFindingsCapped(t *testing.T) {
	cat := mustCatalog(t)
	p := writeFile(t, t.TempDir(), "f.csv", goodHead+strings.Repeat("ppp.porady_x;P;1;\n", 200))
	ret, fs := ReadFile(p, cat, expect2025)
	if len(fs) != maxFindings+1 || fs[maxFindings].Check != "zwrot.limit" || ret.Errors < 200 {
		t.Fatalf("%d findings, %d errors", len(fs), ret.Errors)
	}
}

// TestNotAReturn: a stray CSV in the returns folder (an export of the OPS
// records, a list) gets one message saying it is not a return, not one per
// line and per missing meta row.
func TestNotAReturn(t *testing.T) {
	cat := mustCatalog(t)
	cases := []struct{ name, content string }{
		{"contract export", "id,assistant_id,title,organiser,held_on,cost_gr,paid_by\nT1,A1,Szkolenie,Org,2025-01-01,100,ops\nT2,A1,Inne,Org,2025-02-01,,free\nT3,,Kurs,Org,2025-03-01,,other\n"},
		{"a list", "Lista spraw do załatwienia\nzadzwonić do PCPR\nwysłać formularze\n"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			p := writeFile(t, t.TempDir(), "szkolenia.csv", tc.content)
			_, fs := ReadFile(p, cat, expect2025)
			if len(fs) != 1 {
				t.Fatalf("want one finding, got %d: %v", len(fs), fs)
			}
			f := fs[0]
			if f.Severity != model.Error || f.Place != "szkolenia.csv:1" || !strings.Contains(f.Message, "to nie jest zwrot partnera") || !strings.Contains(f.Message, "przenieś ten plik poza katalog zwrotów") {
				t.Errorf("got %s (%s)", f, f.Severity)
			}
		})
	}
}
