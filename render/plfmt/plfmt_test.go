package plfmt

import (
	"bytes"
	"strconv"
	"strings"
	"testing"
	"text/template"
	"time"

	"github.com/gpwr/gpwr/model"
)

// n replaces "_" with a no-break space, to keep expectations readable.
func n(s string) string { return strings.ReplaceAll(s, "_", NBSP) }

func TestInt(t *testing.T) {
	for _, c := range []struct {
		in   int64
		want string
	}{
		{0, "0"}, {7, "7"}, {999, "999"}, {1234, "1234"}, {9999, "9999"},
		{10000, "10_000"}, {12345, "12_345"}, {123456, "123_456"}, {1234567, "1_234_567"},
		{-5, "−5"}, {-1234, "−1234"}, {-12345, "−12_345"},
		{-9223372036854775808, "−9_223_372_036_854_775_808"},
	} {
		if got := Int(c.in); got != n(c.want) {
			t.Errorf("Int(%d) = %q, want %q", c.in, got, n(c.want))
		}
	}
}

func TestAmount(t *testing.T) {
	for _, c := range []struct {
		gr          int64
		want, whole string
	}{
		{0, "0,00_zł", "0_zł"},
		{1, "0,01_zł", "0_zł"},
		{49, "0,49_zł", "0_zł"},
		{50, "0,50_zł", "1_zł"},
		{186000, "1860,00_zł", "1860_zł"},
		{8607289, "86_072,89_zł", "86_073_zł"},
		{8607249, "86_072,49_zł", "86_072_zł"},
		{8607250, "86_072,50_zł", "86_073_zł"},
		{416309100, "4_163_091,00_zł", "4_163_091_zł"},
		{-1250, "−12,50_zł", "−13_zł"},
		{-1249, "−12,49_zł", "−12_zł"},
	} {
		if got := Amount(c.gr); got != n(c.want) {
			t.Errorf("Amount(%d) = %q, want %q", c.gr, got, n(c.want))
		}
		if got := AmountWhole(c.gr); got != n(c.whole) {
			t.Errorf("AmountWhole(%d) = %q, want %q", c.gr, got, n(c.whole))
		}
	}
}

func TestPercent(t *testing.T) {
	for _, c := range []struct {
		x    float64
		d    int
		want string
	}{
		{12.5, 1, "12,5_%"}, {99.789, 2, "99,79_%"}, {0, 0, "0_%"}, {100, 1, "100,0_%"},
		{-3.25, 1, "−3,3_%"}, {-0.04, 1, "0,0_%"}, {12345.6, 0, "12_346_%"}, {0.005, 2, "0,01_%"},
	} {
		if got := Percent(c.x, c.d); got != n(c.want) {
			t.Errorf("Percent(%v, %d) = %q, want %q", c.x, c.d, got, n(c.want))
		}
	}
	if got := SignedPercent(12.5, 1); got != n("+12,5_%") {
		t.Errorf("SignedPercent = %q", got)
	}
	if got := SignedPercent(0.01, 1); got != n("0,0_%") {
		t.Errorf("SignedPercent(0.01) = %q", got)
	}
	if Signed(5) != "+5" || Signed(-3) != "−3" || Signed(0) != "0" {
		t.Errorf("Signed wrong: %q %q %q", Signed(5), Signed(-3), Signed(0))
	}
	if p, ok := ChangePercent(0, 5); ok || p != 0 {
		t.Error("change from 0 must be undefined")
	}
	if p, ok := ChangePercent(20, 25); !ok || p != 25 {
		t.Errorf("ChangePercent(20,25) = %v", p)
	}
}

func TestDates(t *testing.T) {
	d := model.D(2026, time.March, 3)
	if got := Date(d); got != n("3_marca_2026_r.") {
		t.Errorf("Date = %q", got)
	}
	if got := DateShort(d); got != n("03.03.2026_r.") {
		t.Errorf("DateShort = %q", got)
	}
	if got := DateISO(d); got != "2026-03-03" {
		t.Errorf("DateISO = %q", got)
	}
	want := []string{"stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia", "września", "października", "listopada", "grudnia"}
	for m := time.January; m <= time.December; m++ {
		if got := Date(model.D(2025, m, 15)); !strings.Contains(got, want[m-1]) {
			t.Errorf("month %d: %q", m, got)
		}
	}
	if got := Date(model.D(2025, time.December, 31)); got != n("31_grudnia_2025_r.") {
		t.Errorf("Date = %q", got)
	}
	// Polish time, summer and winter, whatever the machine's zone.
	if got := DateTime(time.Date(2026, 2, 20, 9, 30, 0, 0, time.UTC)); got != "20.02.2026 10:30" {
		t.Errorf("DateTime (winter) = %q", got)
	}
	if got := DateTime(time.Date(2025, 6, 30, 22, 15, 0, 0, time.UTC)); got != "01.07.2025 00:15" {
		t.Errorf("DateTime (summer) = %q", got)
	}
	p, _ := model.HalfPeriod(2025, 2)
	if got := PeriodText(p); got != n("01.07.2025_r. – 31.12.2025_r.") {
		t.Errorf("PeriodText = %q", got)
	}
}

// expectedCategory computes the category from the decimal string, a method
// independent of PluralCategory.
func expectedCategory(k int) Category {
	s := strconv.Itoa(k)
	if s == "1" {
		return One
	}
	last := s[len(s)-1]
	teen := len(s) >= 2 && s[len(s)-2] == '1'
	if strings.ContainsRune("234", rune(last)) && !teen {
		return Few
	}
	return Many
}

func TestPluralCategoryTable(t *testing.T) {
	for _, c := range []struct {
		n    int64
		want Category
	}{
		{0, Many}, {1, One}, {2, Few}, {4, Few}, {5, Many}, {11, Many}, {12, Many}, {14, Many},
		{21, Many}, {22, Few}, {24, Few}, {25, Many}, {101, Many}, {102, Few}, {112, Many},
		{113, Many}, {122, Few}, {1001, Many}, {1002, Few}, {-2, Few}, {-1, One},
	} {
		if got := PluralCategory(c.n); got != c.want {
			t.Errorf("PluralCategory(%d) = %d, want %d", c.n, got, c.want)
		}
	}
}

func TestEveryNounSet0to200(t *testing.T) {
	if len(Nouns) < 30 {
		t.Fatalf("only %d noun sets", len(Nouns))
	}
	for key, w := range Nouns {
		if key != w.One || w.One == "" || w.Few == "" || w.Many == "" {
			t.Fatalf("bad noun set %q: %+v", key, w)
		}
		for k := 0; k <= 200; k++ {
			want := map[Category]string{One: w.One, Few: w.Few, Many: w.Many}[expectedCategory(k)]
			if got := w.Form(int64(k)); got != want {
				t.Errorf("%s: %d → %q, want %q", key, k, got, want)
			}
			if got := w.Count(int64(k)); got != strconv.Itoa(k)+NBSP+want && k < 10000 {
				t.Errorf("%s: Count(%d) = %q", key, k, got)
			}
		}
	}
	// The forms the primer names.
	for _, c := range []struct{ got, want string }{
		{Rodzina.Count(1), "1_rodzina"}, {Rodzina.Count(2), "2_rodziny"}, {Rodzina.Count(5), "5_rodzin"},
		{Rodzina.Count(12), "12_rodzin"}, {Rodzina.Count(22), "22_rodziny"}, {Rodzina.Count(25), "25_rodzin"},
		{Dziecko.Count(1), "1_dziecko"}, {Dziecko.Count(2), "2_dzieci"}, {Asystent.Count(1), "1_asystent"},
		{Asystent.Count(3), "3_asystentów"}, {Osoba.Count(817), "817_osób"}, {Osoba.Count(3), "3_osoby"},
		{Count(5, "rodzina", "rodziny", "rodzin"), "5_rodzin"},
		{Placowka.Count(2), "2_placówki"}, {RodzinaWspierajaca.Count(5), "5_rodzin wspierających"},
		{Swiadczenie.Count(3416), "3416_świadczeń"}, {Swiadczenie.Count(22), "22_świadczenia"},
	} {
		if c.got != n(c.want) {
			t.Errorf("got %q, want %q", c.got, n(c.want))
		}
	}
}

func TestVerbAgreement(t *testing.T) {
	sk := Past("skorzysta")
	for _, c := range []struct {
		k    int64
		w    Noun
		v    Verb
		want string
	}{
		{1, Rodzina, sk, "1_rodzina skorzystała"},
		{2, Rodzina, sk, "2_rodziny skorzystały"},
		{5, Rodzina, sk, "5_rodzin skorzystało"},
		{0, Rodzina, sk, "0_rodzin skorzystało"},
		{22, Rodzina, sk, "22_rodziny skorzystały"},
		{12, Rodzina, sk, "12_rodzin skorzystało"},
		{308, Rodzina, Past("otrzyma"), "308_rodzin otrzymało"},
		{15, Dziecko, Past("uczęszcza"), "15_dzieci uczęszczało"},
		{1, Dziecko, Past("uczęszcza"), "1_dziecko uczęszczało"},
		{3, Dziecko, Past("uczęszcza"), "3_dzieci uczęszczało"},
		{1, Asystent, Past("uczestniczy"), "1_asystent uczestniczył"},
		{3, Asystent, Past("uczestniczy"), "3_asystentów uczestniczyło"},
		{2, Osoba, sk, "2_osoby skorzystały"},
		{1, Formularz, Wplynac, "1_formularz wpłynął"},
		{51, NiebieskaKarta, Wplynac, "51_Niebieskich Kart wpłynęło"},
		{2, NiebieskaKarta, Wplynac, "2_Niebieskie Karty wpłynęły"},
		{1, Swiadczenie, Past("zosta"), "1_świadczenie zostało"},
	} {
		if got := Subject(c.k, c.w, c.v); got != n(c.want) {
			t.Errorf("Subject(%d, %s) = %q, want %q", c.k, c.w.One, got, n(c.want))
		}
	}
}

func TestValue(t *testing.T) {
	for _, c := range []struct {
		ind  model.Indicator
		want string
	}{
		{model.Indicator{Unit: model.UnitFamilies}, "brak danych"},
		{model.Indicator{Unit: model.UnitFamilies, Value: model.Int(0)}, "0"},
		{model.Indicator{Unit: model.UnitFamilies, Value: model.Int(12345)}, "12_345"},
		{model.Indicator{Unit: model.UnitMoney, Value: model.Int(8607289)}, "86_072,89_zł"},
		{model.Indicator{Unit: model.UnitMoney}, "brak danych"},
		{model.Indicator{Unit: model.UnitText, Text: "rejestry nie są prowadzone"}, "rejestry nie są prowadzone"},
	} {
		if got := Value(c.ind); got != n(c.want) {
			t.Errorf("Value(%+v) = %q, want %q", c.ind, got, n(c.want))
		}
	}
}

func TestFuncMap(t *testing.T) {
	tm := template.Must(template.New("x").Funcs(FuncMap()).Parse(
		`{{ile "rodzina" .N}} {{orzeczenie "rodzina" .N "skorzysta"}}; {{kwota .Gr}}; {{kwota_zl .Gr}}; {{data .D}}; {{data "2025-12-31"}}; {{liczba .Nil}}; {{odmiana "dziecko" 2}}; {{forma .N "objęta" "objęte" "objętych"}} {{forma .Nil "objęta" "objęte" "objętych"}}`))
	var b bytes.Buffer
	err := tm.Execute(&b, map[string]any{"N": int64(2), "Gr": int64(8607289), "D": model.D(2026, 3, 3), "Nil": (*int64)(nil)})
	if err != nil {
		t.Fatal(err)
	}
	want := n("2_rodziny skorzystały; 86_072,89_zł; 86_073_zł; 3_marca_2026_r.; 31_grudnia_2025_r.; brak danych; dzieci; objęte objętych")
	if b.String() != want {
		t.Errorf("got %q\nwant %q", b.String(), want)
	}
	bad := template.Must(template.New("x").Funcs(FuncMap()).Parse(`{{ile "krowa" 2}}`))
	if err := bad.Execute(&b, nil); err == nil || !strings.Contains(err.Error(), "nieznany rzeczownik „krowa”") {
		t.Errorf("unknown noun: %v", err)
	}
}
