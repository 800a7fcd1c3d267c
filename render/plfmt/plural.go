package plfmt

import (
	"fmt"
	"sort"
	"strings"
)

// Category is the Polish plural category of a whole number.
type Category int

const (
	One  Category = iota // 1
	Few                  // 2–4, 22–24, 32–34 … but not 12–14
	Many                 // 0, 5–21, 25–31, 112 …
)

// PluralCategory gives the category of n (the sign is ignored).
func PluralCategory(n int64) Category {
	a := abs(n)
	if a == 1 {
		return One
	}
	d, dd := a%10, a%100
	if d >= 2 && d <= 4 && (dd < 12 || dd > 14) {
		return Few
	}
	return Many
}

// Plural chooses the form of a noun for n: Plural(5, "rodzina", "rodziny",
// "rodzin") = "rodzin".
func Plural(n int64, one, few, many string) string {
	switch PluralCategory(n) {
	case One:
		return one
	case Few:
		return few
	}
	return many
}

// Count writes the number and the agreeing noun: Count(5, "rodzina",
// "rodziny", "rodzin") = "5 rodzin" (with a no-break space).
func Count(n int64, one, few, many string) string {
	return Int(n) + NBSP + Plural(n, one, few, many)
}

// Gender of a noun, for past-tense verb agreement.
type Gender int

const (
	Feminine  Gender = iota // rodzina, osoba, placówka
	Masculine               // asystent, formularz (singular: "skorzystał")
	Neuter                  // dziecko, świadczenie
)

// Noun is a Polish noun with its three counted forms.
type Noun struct {
	One, Few, Many string
	Gender         Gender
	// Personal marks masculine-personal nouns (asystent, uczestnik): their
	// counted form after 2–4 is the genitive ("3 asystentów") and the verb is
	// then neuter singular ("3 asystentów uczestniczyło").
	Personal bool
	// Collective marks nouns counted with a collective numeral (dziecko: "2
	// dzieci" reads "dwoje dzieci"), which also take a neuter singular verb.
	Collective bool
}

// Form is the noun form for n.
func (w Noun) Form(n int64) string { return Plural(n, w.One, w.Few, w.Many) }

// Count is "n noun": Rodzina.Count(22) = "22 rodziny".
func (w Noun) Count(n int64) string { return Count(n, w.One, w.Few, w.Many) }

// The ready noun sets. Keys of Nouns are the singular nominative.
var (
	Rodzina            = Noun{"rodzina", "rodziny", "rodzin", Feminine, false, false}
	Dziecko            = Noun{"dziecko", "dzieci", "dzieci", Neuter, false, true}
	Asystent           = Noun{"asystent", "asystentów", "asystentów", Masculine, true, false}
	AsystentRodziny    = Noun{"asystent rodziny", "asystentów rodziny", "asystentów rodziny", Masculine, true, false}
	Osoba              = Noun{"osoba", "osoby", "osób", Feminine, false, false}
	Placowka           = Noun{"placówka", "placówki", "placówek", Feminine, false, false}
	RodzinaWspierajaca = Noun{"rodzina wspierająca", "rodziny wspierające", "rodzin wspierających", Feminine, false, false}
	Swiadczenie        = Noun{"świadczenie", "świadczenia", "świadczeń", Neuter, false, false}
	Szkolenie          = Noun{"szkolenie", "szkolenia", "szkoleń", Neuter, false, false}
	Formularz          = Noun{"formularz", "formularze", "formularzy", Masculine, false, false}
	Miejsce            = Noun{"miejsce", "miejsca", "miejsc", Neuter, false, false}
	Procedura          = Noun{"procedura", "procedury", "procedur", Feminine, false, false}
	NiebieskaKarta     = Noun{"Niebieska Karta", "Niebieskie Karty", "Niebieskich Kart", Feminine, false, false}
	Porada             = Noun{"porada", "porady", "porad", Feminine, false, false}
	Rozmowa            = Noun{"rozmowa", "rozmowy", "rozmów", Feminine, false, false}
	Spotkanie          = Noun{"spotkanie", "spotkania", "spotkań", Neuter, false, false}
	Uczestnik          = Noun{"uczestnik", "uczestników", "uczestników", Masculine, true, false}
	Wniosek            = Noun{"wniosek", "wnioski", "wniosków", Masculine, false, false}
	Zasilek            = Noun{"zasiłek", "zasiłki", "zasiłków", Masculine, false, false}
	Dzien              = Noun{"dzień", "dni", "dni", Masculine, false, false}
	Przypadek          = Noun{"przypadek", "przypadki", "przypadków", Masculine, false, false}
	Dzialanie          = Noun{"działanie", "działania", "działań", Neuter, false, false}
	Wskaznik           = Noun{"wskaźnik", "wskaźniki", "wskaźników", Masculine, false, false}
	Partner            = Noun{"partner", "partnerów", "partnerów", Masculine, true, false}
	Instytucja         = Noun{"instytucja", "instytucje", "instytucji", Feminine, false, false}
	Umowa              = Noun{"umowa", "umowy", "umów", Feminine, false, false}
	Etat               = Noun{"etat", "etaty", "etatów", Masculine, false, false}
	Sprawozdanie       = Noun{"sprawozdanie", "sprawozdania", "sprawozdań", Neuter, false, false}
	Nadzor             = Noun{"nadzór", "nadzory", "nadzorów", Masculine, false, false}
	Interwencja        = Noun{"interwencja", "interwencje", "interwencji", Feminine, false, false}
	Dzielnicowy        = Noun{"dzielnicowy", "dzielnicowych", "dzielnicowych", Masculine, true, false}
	Program            = Noun{"program", "programy", "programów", Masculine, false, false}
	Grupa              = Noun{"grupa", "grupy", "grup", Feminine, false, false}
	Impreza            = Noun{"impreza", "imprezy", "imprez", Feminine, false, false}
	Wycieczka          = Noun{"wycieczka", "wycieczki", "wycieczek", Feminine, false, false}
	Ustalenie          = Noun{"ustalenie", "ustalenia", "ustaleń", Neuter, false, false}
	Obciazenie         = Noun{"obciążenie", "obciążenia", "obciążeń", Neuter, false, false}
)

// Nouns are the ready noun sets by their singular nominative, for templates
// ({{ile "rodzina" .N}}).
var Nouns = func() map[string]Noun {
	m := map[string]Noun{}
	for _, w := range []Noun{Rodzina, Dziecko, Asystent, AsystentRodziny, Osoba, Placowka, RodzinaWspierajaca,
		Swiadczenie, Szkolenie, Formularz, Miejsce, Procedura, NiebieskaKarta, Porada, Rozmowa, Spotkanie,
		Uczestnik, Wniosek, Zasilek, Dzien, Przypadek, Dzialanie, Wskaznik, Partner, Instytucja, Umowa, Etat,
		Sprawozdanie, Nadzor, Interwencja, Dzielnicowy, Program, Grupa, Impreza, Wycieczka, Ustalenie, Obciazenie} {
		m[w.One] = w
	}
	return m
}()

// LookupNoun finds a ready noun set by its singular nominative (any case).
func LookupNoun(one string) (Noun, error) {
	if w, ok := Nouns[one]; ok {
		return w, nil
	}
	for k, w := range Nouns {
		if strings.EqualFold(k, one) {
			return w, nil
		}
	}
	known := make([]string, 0, len(Nouns))
	for k := range Nouns {
		known = append(known, k)
	}
	sort.Strings(known)
	return Noun{}, fmt.Errorf("nieznany rzeczownik „%s”; znane: %s", one, strings.Join(known, ", "))
}

// Verb is a Polish verb in the past tense, in the forms agreement needs.
type Verb struct {
	M, F, N string // singular: skorzystał, skorzystała, skorzystało
	Pl      string // plural, not masculine-personal: skorzystały
	PlM     string // plural, masculine-personal: skorzystali
}

// Past builds a regular past-tense verb from its stem: Past("skorzysta") gives
// skorzystał / skorzystała / skorzystało / skorzystały / skorzystali. It fits
// every verb whose stem ends in a vowel kept in all forms (był, korzystał,
// uczęszczał, otrzymał, uczestniczył, został, wpłynęła is irregular).
func Past(stem string) Verb {
	return Verb{M: stem + "ł", F: stem + "ła", N: stem + "ło", Pl: stem + "ły", PlM: stem + "li"}
}

// Ready irregular verbs.
var (
	Wplynac = Verb{M: "wpłynął", F: "wpłynęła", N: "wpłynęło", Pl: "wpłynęły", PlM: "wpłynęli"}
	Objac   = Verb{M: "objął", F: "objęła", N: "objęło", Pl: "objęły", PlM: "objęli"}
)

// Agree gives the form of v that agrees with n of noun w in a sentence where
// "n w" is the subject: 1 rodzina skorzystała, 2 rodziny skorzystały, 5 rodzin
// skorzystało, 3 asystentów uczestniczyło, 2 dzieci uczęszczało.
func Agree(v Verb, n int64, w Noun) string {
	switch PluralCategory(n) {
	case One:
		switch w.Gender {
		case Feminine:
			return v.F
		case Neuter:
			return v.N
		}
		return v.M
	case Few:
		if w.Personal || w.Collective {
			return v.N
		}
		return v.Pl
	}
	return v.N
}

// Subject writes "n noun verb" in agreement: Subject(5, Rodzina,
// Past("skorzysta")) = "5 rodzin skorzystało".
func Subject(n int64, w Noun, v Verb) string { return w.Count(n) + " " + Agree(v, n, w) }
