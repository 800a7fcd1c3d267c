package archive

import (
	"regexp"
	"sort"
	"strings"

	"github.com/gpwr/gpwr/model"
)

// CodeInfo describes an indicator code a typed-in file may carry: its Polish
// label and unit.
type CodeInfo struct {
	Code  string
	Label string
	Unit  model.Unit
}

// builtin lists the fixed codes of DATA-CONTRACT.md §2, in the contract's
// order. Partner codes (§3) come from the partner catalog.
var builtin = []CodeInfo{
	{"asystenci.liczba", "Asystenci rodziny zatrudnieni na koniec okresu", model.UnitPersons},
	{"asystenci.liczba.umowa_o_prace", "Asystenci rodziny zatrudnieni na umowę o pracę", model.UnitPersons},
	{"asystenci.liczba.umowa_uslugi", "Asystenci rodziny zatrudnieni na umowę o świadczenie usług", model.UnitPersons},
	{"asystenci.liczba.inne", "Asystenci rodziny zatrudnieni na innej podstawie", model.UnitPersons},
	{"asysta.rodziny", "Rodziny objęte wsparciem asystenta rodziny", model.UnitFamilies},
	{"asysta.rodziny_sad", "Rodziny zobowiązane przez sąd do pracy z asystentem", model.UnitFamilies},
	{"asysta.rodziny_za_zyciem", "Rodziny objęte asystą w ramach ustawy „Za życiem”", model.UnitFamilies},
	{"asysta.rodziny_koniec_okresu", "Rodziny objęte asystą na koniec okresu", model.UnitFamilies},
	{"asysta.dzieci", "Dzieci w rodzinach objętych wsparciem asystenta", model.UnitChildren},
	{"asysta.zakonczone", "Rodziny, z którymi zakończono współpracę", model.UnitFamilies},
	{"asysta.zakonczone.cel_osiagniety", "Zakończenie współpracy – osiągnięcie celów", model.UnitFamilies},
	{"asysta.zakonczone.rezygnacja", "Zakończenie współpracy – rezygnacja rodziny", model.UnitFamilies},
	{"asysta.zakonczone.brak_efektow", "Zakończenie współpracy – brak efektów", model.UnitFamilies},
	{"asysta.zakonczone.inne", "Zakończenie współpracy – inne przyczyny", model.UnitFamilies},
	{"asysta.limit_przekroczony", "Dni z przekroczonym limitem rodzin na asystenta", model.UnitDays},
	{"placowki.liczba", "Placówki wsparcia dziennego", model.UnitCount},
	{"placowki.liczba.care", "Placówki wsparcia dziennego – forma opiekuńcza", model.UnitCount},
	{"placowki.liczba.specialist", "Placówki wsparcia dziennego – forma specjalistyczna", model.UnitCount},
	{"placowki.liczba.street", "Placówki wsparcia dziennego – praca podwórkowa", model.UnitCount},
	{"placowki.liczba.mixed", "Placówki wsparcia dziennego – forma łączona", model.UnitCount},
	{"placowki.miejsca", "Miejsca w placówkach wsparcia dziennego", model.UnitPlaces},
	{"placowki.miejsca.care", "Miejsca w placówkach – forma opiekuńcza", model.UnitPlaces},
	{"placowki.miejsca.specialist", "Miejsca w placówkach – forma specjalistyczna", model.UnitPlaces},
	{"placowki.miejsca.street", "Miejsca w placówkach – praca podwórkowa", model.UnitPlaces},
	{"placowki.miejsca.mixed", "Miejsca w placówkach – forma łączona", model.UnitPlaces},
	{"placowki.dzieci", "Dzieci uczęszczające do placówek wsparcia dziennego", model.UnitChildren},
	{"rodziny_wspierajace.liczba", "Rodziny wspierające", model.UnitFamilies},
	{"rodziny_wspierajace.rodziny_objete", "Rodziny objęte pomocą rodziny wspierającej", model.UnitFamilies},
	{"piecza.dzieci", "Dzieci w pieczy zastępczej, za które gmina współfinansowała pobyt", model.UnitChildren},
	{"piecza.dzieci.10", "Dzieci w pieczy zastępczej – udział gminy 10%", model.UnitChildren},
	{"piecza.dzieci.30", "Dzieci w pieczy zastępczej – udział gminy 30%", model.UnitChildren},
	{"piecza.dzieci.50", "Dzieci w pieczy zastępczej – udział gminy 50%", model.UnitChildren},
	{"piecza.koszt", "Wydatki gminy na współfinansowanie pieczy zastępczej", model.UnitMoney},
	{"piecza.koszt.10", "Wydatki na pieczę zastępczą – udział 10%", model.UnitMoney},
	{"piecza.koszt.30", "Wydatki na pieczę zastępczą – udział 30%", model.UnitMoney},
	{"piecza.koszt.50", "Wydatki na pieczę zastępczą – udział 50%", model.UnitMoney},
	{"piecza.udzial_niezgodny", "Opłaty za pieczę z niewłaściwym udziałem procentowym", model.UnitCount},
	{"swiadczenia.rodziny_pomoc_finansowa", "Rodziny, którym przyznano pomoc finansową", model.UnitFamilies},
	{"praca_socjalna.rodziny", "Rodziny objęte pracą socjalną", model.UnitFamilies},
	{"praca_socjalna.osoby", "Osoby w rodzinach objętych pracą socjalną", model.UnitPersons},
	{"szkolenia.liczba", "Szkolenia asystentów rodziny", model.UnitCount},
	{"niebieskie_karty.formularze", "Formularze „Niebieska Karta”", model.UnitCount},
	{"niebieskie_karty.rodziny", "Rodziny objęte procedurą „Niebieskie Karty”", model.UnitFamilies},
	{"niebieskie_karty.rodziny_z_dziecmi", "Rodziny z dziećmi objęte procedurą „Niebieskie Karty”", model.UnitFamilies},
	{"niebieskie_karty.procedury_zakonczone", "Zakończone procedury „Niebieskie Karty”", model.UnitCount},
	{"klienci.rodziny_z_dziecmi", "Rodziny z dziećmi korzystające z pomocy społecznej", model.UnitFamilies},
	{"klienci.rodziny_niepelne", "Rodziny niepełne korzystające z pomocy społecznej", model.UnitFamilies},
	{"klienci.rodziny_wielodzietne", "Rodziny wielodzietne korzystające z pomocy społecznej", model.UnitFamilies},
}

// Values the open splits of §2 take from the contract's enumerations.
var (
	taskNames = map[string]string{
		"assistant": "asystent rodziny", "assistant_training": "szkolenia asystentów", "day_centre": "placówki wsparcia dziennego",
		"supporting_family": "rodziny wspierające", "foster_care": "piecza zastępcza", "other": "inne zadania",
	}
	sourceNames = map[string]string{"gmina": "środki gminy", "state_budget": "budżet państwa", "eu": "środki UE", "other": "inne źródła"}
	filedByName = map[string]string{"police": "Policja", "ops": "OPS", "education": "oświata", "health": "ochrona zdrowia", "gkrpa": "GKRPA", "other": "inne"}

	benefitRe  = regexp.MustCompile(`^swiadczenia\.([a-z0-9_]+)\.(liczba|kwota)$`)
	activityRe = regexp.MustCompile(`^dzialania\.([a-z0-9_]+)\.(liczba|uczestnicy)$`)
	expendRe   = regexp.MustCompile(`^wydatki\.([a-z_]+)(?:\.([a-z_]+))?$`)
	formsRe    = regexp.MustCompile(`^niebieskie_karty\.formularze\.([a-z]+)$`)
)

var builtinIndex = func() map[string]int {
	m := make(map[string]int, len(builtin))
	for i, c := range builtin {
		m[c.Code] = i
	}
	return m
}()

// Builtin describes a built-in code of DATA-CONTRACT.md §2, including the open splits (swiadczenia.<kind>.kwota,
// dzialania.<kind>.liczba, wydatki.<task>.<source>, …).
func Builtin(code string) (CodeInfo, bool) {
	if i, ok := builtinIndex[code]; ok {
		return builtin[i], true
	}
	if m := benefitRe.FindStringSubmatch(code); m != nil && code != "swiadczenia.rodziny_pomoc_finansowa" {
		if m[2] == "kwota" {
			return CodeInfo{code, "Świadczenia „" + m[1] + "” – kwota", model.UnitMoney}, true
		}
		return CodeInfo{code, "Świadczenia „" + m[1] + "” – liczba", model.UnitCount}, true
	}
	if m := activityRe.FindStringSubmatch(code); m != nil {
		if m[2] == "uczestnicy" {
			return CodeInfo{code, "Działania „" + m[1] + "” – uczestnicy", model.UnitPersons}, true
		}
		return CodeInfo{code, "Działania „" + m[1] + "” – liczba", model.UnitCount}, true
	}
	if m := expendRe.FindStringSubmatch(code); m != nil {
		t, ok := taskNames[m[1]]
		if !ok {
			return CodeInfo{}, false
		}
		if m[2] == "" {
			return CodeInfo{code, "Wydatki – " + t, model.UnitMoney}, true
		}
		s, ok := sourceNames[m[2]]
		if !ok {
			return CodeInfo{}, false
		}
		return CodeInfo{code, "Wydatki – " + t + " – " + s, model.UnitMoney}, true
	}
	if m := formsRe.FindStringSubmatch(code); m != nil {
		if n, ok := filedByName[m[1]]; ok {
			return CodeInfo{code, "Formularze „Niebieska Karta” – " + n, model.UnitCount}, true
		}
	}
	return CodeInfo{}, false
}

// BuiltinOrder ranks a code by the order of the contract's groups (assistants,
// assistance, day centres, supporting families, foster care, benefits, social
// work, expenditure, trainings, activities, blue cards, clients), and false
// for a code outside §2.
func BuiltinOrder(code string) (int, bool) {
	if _, ok := Builtin(code); !ok {
		return 0, false
	}
	prefix, _, _ := strings.Cut(code, ".")
	for i, p := range groupOrder {
		if p == prefix {
			return i, true
		}
	}
	return len(groupOrder), true
}

var groupOrder = []string{"asystenci", "asysta", "placowki", "rodziny_wspierajace", "piecza", "swiadczenia", "praca_socjalna",
	"wydatki", "szkolenia", "dzialania", "niebieskie_karty", "klienci"}

// suggestionCodes lists every fixed code and every enumerated split, for
// "did you mean" suggestions.
func suggestionCodes() []string {
	out := make([]string, 0, len(builtin)+40)
	for _, c := range builtin {
		out = append(out, c.Code)
	}
	for t := range taskNames {
		out = append(out, "wydatki."+t)
		for s := range sourceNames {
			out = append(out, "wydatki."+t+"."+s)
		}
	}
	for f := range filedByName {
		out = append(out, "niebieskie_karty.formularze."+f)
	}
	sort.Strings(out)
	return out
}

// nearest returns the candidate closest to code by edit distance, or "" when
// none is reasonably close.
func nearest(code string, candidates []string) string {
	best, bestD := "", 1<<30
	for _, c := range candidates {
		if d := levenshtein(code, c); d < bestD {
			best, bestD = c, d
		}
	}
	limit := max(3, len([]rune(code))/3)
	if bestD > limit {
		return ""
	}
	return best
}

func levenshtein(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
