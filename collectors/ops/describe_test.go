package ops

import (
	"sort"
	"testing"

	"github.com/gpwr/gpwr/model"
)

func TestDescribe(t *testing.T) {
	cases := []struct {
		code  string
		label string
		unit  model.Unit
		rank  int // -1: not a built-in code
	}{
		{"asysta.rodziny", "Rodziny objęte wsparciem asystenta rodziny w okresie", model.UnitFamilies, 1},
		{"asystenci.liczba.umowa_uslugi", "Asystenci zatrudnieni na podstawie umowy o świadczenie usług", model.UnitPersons, 0},
		{"wydatki.assistant.gmina", "Wydatki: asystenci rodziny – środki własne gminy", model.UnitMoney, 7},
		{"niebieskie_karty.formularze.police", "Formularze „Niebieska Karta” sporządzone przez przedstawicieli Policji", model.UnitCount, 10},
		{"swiadczenia.zasilek_staly.kwota", "Kwota świadczeń: zasilek_staly", model.UnitMoney, 5},
		{"swiadczenia.zasilek_staly.liczba", "Liczba świadczeń: zasilek_staly", model.UnitCount, 5},
		{"swiadczenia.rodziny_pomoc_finansowa", "Rodziny, którym wypłacono świadczenia z pomocy społecznej", model.UnitFamilies, 5},
		{"dzialania.leisure.liczba", "Działania: zajęcia czasu wolnego i festyny rodzinne – liczba", model.UnitCount, 9},
		{"dzialania.festyn_2025.uczestnicy", "Działania: festyn_2025 – uczestnicy", model.UnitPersons, 9},
		{"klienci.rodziny_niepelne", "w tym rodziny niepełne", model.UnitFamilies, 11},
		{"wydatki.nieznane", "", "", -1},
		{"wydatki.assistant.nieznane", "", "", -1},
		{"swiadczenia.zasilek_staly.suma", "", "", -1},
		{"dzialania.Leisure.liczba", "", "", -1},
		{"ppp.porady", "", "", -1},
		{"", "", "", -1},
	}
	for _, c := range cases {
		d, ok := Describe(c.code)
		rank, rok := Order(c.code)
		switch {
		case c.rank < 0 && (ok || rok):
			t.Errorf("%q: described as %+v (rank %d), want unknown", c.code, d, rank)
		case c.rank >= 0 && (!ok || !rok || d.Label != c.label || d.Unit != c.unit || rank != c.rank):
			t.Errorf("%q = %+v %v, rank %d %v; want %q %s rank %d", c.code, d, ok, rank, rok, c.label, c.unit, c.rank)
		}
	}
	codes := Codes()
	if len(codes) != len(Defs) || !sort.StringsAreSorted(codes) {
		t.Errorf("Codes: %d codes, sorted %v; Defs has %d", len(codes), sort.StringsAreSorted(codes), len(Defs))
	}
	for _, c := range codes {
		if _, ok := Order(c); !ok {
			t.Errorf("%s has no order", c)
		}
	}
}
