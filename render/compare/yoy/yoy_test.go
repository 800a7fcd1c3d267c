package yoy

import (
	"strings"
	"testing"

	"github.com/gpwr/gpwr/collectors/ops"
	"github.com/gpwr/gpwr/model"
)

// set builds a period's set from code=value pairs; a negative value is brak
// danych, a string a text value.
func set(year int, kv ...any) *model.Set {
	s := &model.Set{Period: model.YearPeriod(year)}
	for i := 0; i < len(kv); i += 2 {
		code := kv[i].(string)
		info, _ := ops.Describe(code)
		ind := model.Indicator{Code: code, Label: info.Label, Unit: info.Unit, Source: model.SourceOPS}
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

func TestChanges(t *testing.T) {
	cases := []struct {
		name      string
		code      string
		prev, cur int // -1 = brak danych
		want      string
	}{
		{"beyond +threshold", "asysta.rodziny", 16, 24, "Rodziny objęte wsparciem asystenta rodziny w okresie: 2024 – 16, 2025 – 24, zmiana +50,0\u00a0% (więcej niż ±30\u00a0%); sprawdź, czy to nie błąd."},
		{"beyond −threshold", "placowki.dzieci", 31, 0, "Dzieci uczęszczające do placówek wsparcia dziennego w okresie: 2024 – 31, 2025 – 0, zmiana \u2212100,0\u00a0% (więcej niż ±30\u00a0%); sprawdź, czy to nie błąd."},
		{"exactly the threshold", "asysta.rodziny", 10, 13, ""},
		{"within", "asysta.dzieci", 30, 35, ""},
		{"tiny base", "rodziny_wspierajace.liczba", 2, 4, ""},
		{"tiny base, one side reaches it", "rodziny_wspierajace.liczba", 2, 5, "Rodziny wspierające (umowy obowiązujące na koniec okresu): 2024 – 2, 2025 – 5, zmiana +150,0\u00a0% (więcej niż ±30\u00a0%); sprawdź, czy to nie błąd."},
		{"from zero", "niebieskie_karty.rodziny", 0, 12, "Rodziny, w których sporządzono formularz „Niebieska Karta”: 2024 – 0, 2025 – 12 (wzrost od zera); sprawdź, czy to nie błąd."},
		{"zero to tiny", "niebieskie_karty.rodziny", 0, 3, ""},
		{"brak danych before", "asysta.rodziny", -1, 20, ""},
		{"brak danych after", "asysta.rodziny", 20, -1, ""},
		{"money beyond", "piecza.koszt", 9000000, 15000000, "Wydatki gminy na współfinansowanie pieczy zastępczej: 2024 – 90\u00a0000,00\u00a0zł, 2025 – 150\u00a0000,00\u00a0zł, zmiana +66,7\u00a0% (więcej niż ±30\u00a0%); sprawdź, czy to nie błąd."},
		{"money tiny base", "piecza.koszt", 40000, 90000, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			fs := Changes(set(2024, tc.code, tc.prev), set(2025, tc.code, tc.cur), 30)
			if tc.want == "" {
				if len(fs) != 0 {
					t.Fatalf("unexpected findings: %v", fs)
				}
				return
			}
			if len(fs) != 1 {
				t.Fatalf("findings: %v", fs)
			}
			f := fs[0]
			if f.Severity != model.Warning || f.Check != CheckChange || f.Place != tc.code || f.Message != tc.want {
				t.Fatalf("got  %+v\nwant %s", f, tc.want)
			}
		})
	}
	// Codes missing on one side and text values are not judged.
	prev := set(2024, "asysta.rodziny", 10)
	cur := set(2025, "asysta.dzieci", 100, "szkoly.programy_opis", "tekst")
	if fs := Changes(prev, cur, 30); len(fs) != 0 {
		t.Errorf("findings: %v", fs)
	}
	if Changes(nil, cur, 30) != nil {
		t.Error("nil previous year")
	}
}

func TestHalfYearsAndOrder(t *testing.T) {
	h1, _ := model.HalfPeriod(2024, 2)
	h2, _ := model.HalfPeriod(2025, 2)
	prev, cur := set(2024, "ppp.porady", 10, "asysta.dzieci", 10, "asysta.rodziny", 10), set(2025, "ppp.porady", 20, "asysta.dzieci", 20, "asysta.rodziny", 20)
	prev.Period, cur.Period = h1, h2
	fs := Changes(prev, cur, 30)
	var places []string
	for _, f := range fs {
		places = append(places, f.Place)
	}
	if strings.Join(places, " ") != "asysta.rodziny asysta.dzieci ppp.porady" {
		t.Errorf("order: %v", places)
	}
	if !strings.Contains(fs[0].Message, "2024-H2 – 10, 2025-H2 – 20") {
		t.Errorf("message: %s", fs[0].Message)
	}
	if got := Changes(set(2024, "asysta.rodziny", 10), set(2025, "asysta.rodziny", 14), 33.5); len(got) != 1 || !strings.Contains(got[0].Message, "±33,5\u00a0%") {
		t.Errorf("fractional threshold: %v", got)
	}
}
