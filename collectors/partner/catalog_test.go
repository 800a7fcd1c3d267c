package partner

import (
	"strings"
	"testing"

	"github.com/gpwr/gpwr/model"
)

func TestBuiltinCatalog(t *testing.T) {
	cat := mustCatalog(t)
	var kinds []string
	for _, k := range cat.Kinds() {
		kinds = append(kinds, k.Kind)
		if k.Name == "" || k.Instruction == "" || len(k.Codes) < 3 {
			t.Errorf("kind %s incomplete: %+v", k.Kind, k)
		}
		for _, c := range k.Codes {
			if c.Label == "" || c.Action == "" || c.Unit == "" {
				t.Errorf("code %s incomplete: %+v", c.Code, c)
			}
		}
	}
	if got := strings.Join(kinds, ","); got != "ppp,policja,kuratorzy,pcpr,szkoly,gkrpa,kultura,sport,parafie,pik,inne" {
		t.Errorf("kinds %s", got)
	}
	// The codes DATA-CONTRACT.md §3 requires.
	for _, code := range []string{"ppp.rodziny_wsparcie", "ppp.porady", "ppp.grupy_wsparcia",
		"policja.rozmowy_profilaktyczne", "policja.dzielnicowi", "policja.niebieskie_karty", "policja.interwencje_domowe",
		"kuratorzy.rodziny_nadzor", "kuratorzy.nadzory_nowe",
		"pcpr.dzieci_piecza", "pcpr.dzieci_piecza_rodzinna", "pcpr.dzieci_piecza_instytucjonalna", "pcpr.dzieci_powroty", "pcpr.informacje",
		"meta.rodzaj", "meta.instytucja", "meta.teryt", "meta.rok", "meta.sporzadzil"} {
		if _, ok := cat.Code(code); !ok {
			t.Errorf("code %s missing", code)
		}
	}
	if c, _ := cat.Code("gkrpa.kwota_dofinansowania"); c.Type != Amount || c.Unit != model.UnitMoney {
		t.Errorf("amount code %+v", c)
	}
	if got := cat.Nearest("ppp.porada", "ppp"); got != "ppp.porady" {
		t.Errorf("Nearest = %q", got)
	}
	if got := cat.Nearest("policja.dzielnicowy", ""); got != "policja.dzielnicowi" {
		t.Errorf("Nearest without kind = %q", got)
	}
}

func TestCatalogOverride(t *testing.T) {
	cat, err := LoadCatalog("testdata/katalog_gminy")
	if err != nil {
		t.Fatal(err)
	}
	zi, ok := cat.Kind("zi")
	if !ok || len(zi.Codes) != 2 || zi.Codes[1].Unit != model.UnitFamilies {
		t.Fatalf("new kind: %+v", zi)
	}
	if cat.Kinds()[4].Kind != "zi" { // kolejnosc 45: after pcpr (40)
		t.Errorf("order: %s", cat.Kinds()[4].Kind)
	}
	ppp, _ := cat.Kind("ppp")
	if c, ok := cat.Code("ppp.koszt_terapii"); !ok || c.Unit != model.UnitMoney || ppp.Codes[len(ppp.Codes)-1].Code != "ppp.koszt_terapii" {
		t.Errorf("added code: %+v", c)
	}
	if c, _ := cat.Code("ppp.porady"); c.Label != "Liczba porad udzielonych mieszkańcom gminy" {
		t.Errorf("reworded label: %q", c.Label)
	}
	if ppp.Instruction == "" || ppp.Name != "Poradnia Psychologiczno-Pedagogiczna" {
		t.Errorf("override lost the built-in name or instruction")
	}
}

func TestCatalogErrors(t *testing.T) {
	_, err := LoadCatalog("testdata/katalog_bledy")
	if err == nil {
		t.Fatal("no error")
	}
	msg := err.Error()
	for _, want := range []string{
		"katalog_bledy/a.toml:3: kod ppp.nowy: nieznany typ \"ilosc\"; oczekiwano liczba, kwota albo tekst",
		"katalog_bledy/a.toml:8: kod musi mieć postać ppp.nazwa",
		"katalog_bledy/a.toml:13: kod ppp.osoby: nieznana jednostka \"ludzie\"",
		"katalog_bledy/a.toml:18: nieznany klucz \"kod.etykietka\"",
		"katalog_bledy/b.toml:5: błąd składni TOML",
	} {
		if !strings.Contains(msg, want) {
			t.Errorf("error lacks %q:\n%s", want, msg)
		}
	}
	if _, err := LoadCatalog("testdata/nie_ma_takiego"); err == nil || !strings.Contains(err.Error(), "nie ma takiego katalogu") {
		t.Errorf("missing dir: %v", err)
	}
}

// TestOverrideKindRead: a kind the gmina added reads like a built-in one.
func TestOverrideKindRead(t *testing.T) {
	cat, err := LoadCatalog("testdata/katalog_gminy")
	if err != nil {
		t.Fatal(err)
	}
	p := writeFile(t, t.TempDir(), "zwrot_zi_2025.csv", "kod;wskaznik;wartosc;uwagi\nmeta.rodzaj;R;zi;\nmeta.instytucja;N;Zespół Interdyscyplinarny;\nmeta.teryt;T;9999011;\nmeta.rok;R;2025;\nzi.niebieskie_karty;NK;51;złożone u 45 rodzin\nppp.koszt_terapii;K;1;\n")
	ret, fs := ReadFile(p, cat, expect2025)
	if len(fs) != 1 || fs[0].Check != "zwrot.kod_obcy" || ret.Kind != "zi" {
		t.Fatalf("findings %v", fs)
	}
}
