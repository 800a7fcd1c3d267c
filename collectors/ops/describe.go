package ops

import (
	"regexp"
	"sort"
	"strings"

	"github.com/gpwr/gpwr/model"
)

// Codes built from values in the records (DATA-CONTRACT.md §2): the kind is
// the record's code used verbatim.
var (
	benefitCodeRe  = regexp.MustCompile(`^swiadczenia\.([a-z0-9_]+)\.(liczba|kwota)$`)
	activityCodeRe = regexp.MustCompile(`^dzialania\.([a-z0-9_]+)\.(liczba|uczestnicy)$`)
)

// BenefitDefs are the Defs of swiadczenia.<kind>.liczba and
// swiadczenia.<kind>.kwota for a benefit kind with its label (benefit_kinds.label).
func BenefitDefs(label string) (count, amount Def) {
	return Def{"Liczba świadczeń: " + label, model.UnitCount}, Def{"Kwota świadczeń: " + label, model.UnitMoney}
}

// ActivityDefs are the Defs of dzialania.<kind>.liczba and
// dzialania.<kind>.uczestnicy; a kind outside ActivityPL is named as it is.
func ActivityDefs(kind string) (count, participants Def) {
	name := kind
	if pl, ok := ActivityPL[kind]; ok {
		name = pl
	}
	return Def{"Działania: " + name + " – liczba", model.UnitCount}, Def{"Działania: " + name + " – uczestnicy", model.UnitPersons}
}

// Describe gives the label and unit of a built-in code: a fixed one of Defs
// or one built from record values (swiadczenia.<kind>.liczba|kwota,
// dzialania.<kind>.liczba|uczestnicy). Without the records a benefit kind's
// label is not known, so the kind's code stands for it. ok is false for a
// code outside DATA-CONTRACT.md §2 (a partner or program code).
func Describe(code string) (Def, bool) {
	if d, ok := Defs[code]; ok {
		return d, true
	}
	if m := benefitCodeRe.FindStringSubmatch(code); m != nil {
		count, amount := BenefitDefs(m[1])
		if m[2] == "kwota" {
			return amount, true
		}
		return count, true
	}
	if m := activityCodeRe.FindStringSubmatch(code); m != nil {
		count, people := ActivityDefs(m[1])
		if m[2] == "uczestnicy" {
			return people, true
		}
		return count, true
	}
	return Def{}, false
}

// ProgramUnit is the model.Unit of a programme indicator's jednostka
// ([[program.cel.dzialanie.wskaznik]]), however the clerk spelled it: "zł" is
// money (the value in grosze, as DATA-CONTRACT.md §4 prints it), "rodzin"
// families; empty is a count; a unit gpwr does not know is kept as written.
// Computed and typed-in years use it alike, so a code keeps one unit.
func ProgramUnit(s string) model.Unit {
	switch t := strings.TrimSpace(s); strings.ToLower(t) {
	case "":
		return model.UnitCount
	case "rodziny", "rodzin", "rodzina":
		return model.UnitFamilies
	case "osoby", "osób", "osoba":
		return model.UnitPersons
	case "dzieci", "dziecko":
		return model.UnitChildren
	case "dni", "dzień":
		return model.UnitDays
	case "miejsca", "miejsc":
		return model.UnitPlaces
	case "gr", "zł", "zl", "pln":
		return model.UnitMoney
	case "tekst":
		return model.UnitText
	case "szt.", "szt":
		return model.UnitCount
	default:
		return model.Unit(t)
	}
}

// groupOrder is the order of the contract's groups of codes (§2): assistants,
// assistance, day centres, supporting families, foster care, benefits, social
// work, expenditure, trainings, activities, blue cards, clients.
var groupOrder = []string{"asystenci", "asysta", "placowki", "rodziny_wspierajace", "piecza", "swiadczenia", "praca_socjalna",
	"wydatki", "szkolenia", "dzialania", "niebieskie_karty", "klienci"}

// Order ranks a built-in code by its group in the contract's order (codes of
// one group share a rank); ok is false for a code Describe does not know.
func Order(code string) (rank int, ok bool) {
	if _, ok := Describe(code); !ok {
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

// Codes lists every fixed code of Defs, sorted, for "did you mean"
// suggestions (the codes built from record values cannot be listed without
// the records).
func Codes() []string {
	out := make([]string, 0, len(Defs))
	for c := range Defs {
		out = append(out, c)
	}
	sort.Strings(out)
	return out
}
