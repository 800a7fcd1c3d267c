package plfmt

import (
	"fmt"
	"strings"
	"text/template"

	"github.com/gpwr/gpwr/model"
)

// FuncMap is the set of template functions for narrative templates. It is a
// text/template.FuncMap; html/template users convert it with
// htmltemplate.FuncMap(plfmt.FuncMap()).
//
//	{{kwota .Gr}}                    86 072,89 zł    (int64, int or *int64 grosze)
//	{{kwota_zl .Gr}}                 86 073 zł
//	{{liczba .N}}                    12 345
//	{{procent 12.5 1}}               12,5 %
//	{{data .D}} {{data_krotka .D}}   3 marca 2026 r. / 03.03.2026 r. (model.Date or "2026-03-03")
//	{{data_iso .D}}                  2026-03-03
//	{{odmiana "rodzina" .N}}         rodzin           (noun form only)
//	{{ile "rodzina" .N}}             5 rodzin         (number and noun)
//	{{orzeczenie "rodzina" .N "skorzysta"}}  skorzystało (past tense from a regular stem, or "wpłynąć", "objąć")
//	{{forma .N "objęta" "objęte" "objętych"}} objętych  (any word by the number: 1 / 2–4 / 5+)
//
// A nil number prints "brak danych".
func FuncMap() template.FuncMap {
	return template.FuncMap{
		"kwota":       func(v any) (string, error) { return withNum(v, Amount) },
		"kwota_zl":    func(v any) (string, error) { return withNum(v, AmountWhole) },
		"liczba":      func(v any) (string, error) { return withNum(v, Int) },
		"procent":     func(x float64, dec int) string { return Percent(x, dec) },
		"data":        func(v any) (string, error) { return withDate(v, Date) },
		"data_krotka": func(v any) (string, error) { return withDate(v, DateShort) },
		"data_iso":    func(v any) (string, error) { return withDate(v, DateISO) },
		"odmiana": func(noun string, v any) (string, error) {
			w, n, ok, err := nounCount(noun, v)
			if err != nil || !ok {
				return w.Many, err
			}
			return w.Form(n), nil
		},
		"ile": func(noun string, v any) (string, error) {
			w, n, ok, err := nounCount(noun, v)
			if err != nil || !ok {
				return BrakDanych, err
			}
			return w.Count(n), nil
		},
		"forma": func(v any, one, few, many string) (string, error) {
			n, ok, err := toInt64(v)
			if err != nil || !ok {
				return many, err
			}
			return Plural(n, one, few, many), nil
		},
		"orzeczenie": func(noun string, v any, verb string) (string, error) {
			w, n, _, err := nounCount(noun, v) // not reported: the form for 0
			if err != nil {
				return "", err
			}
			return Agree(lookupVerb(verb), n, w), nil
		},
	}
}

// nounCount looks up a ready noun and reads the number it counts; ok is
// false when the number was not reported (a nil pointer).
func nounCount(noun string, v any) (w Noun, n int64, ok bool, err error) {
	if w, err = LookupNoun(noun); err != nil {
		return Noun{}, 0, false, err
	}
	n, ok, err = toInt64(v)
	return w, n, ok, err
}

func lookupVerb(s string) Verb {
	switch strings.ToLower(s) {
	case "wpłynąć", "wplynac":
		return Wplynac
	case "objąć", "objac":
		return Objac
	}
	return Past(s)
}

func withNum(v any, f func(int64) string) (string, error) {
	n, ok, err := toInt64(v)
	if err != nil {
		return "", err
	}
	if !ok {
		return BrakDanych, nil
	}
	return f(n), nil
}

func withDate(v any, f func(model.Date) string) (string, error) {
	switch d := v.(type) {
	case model.Date:
		return f(d), nil
	case *model.Date:
		if d == nil {
			return BrakDanych, nil
		}
		return f(*d), nil
	case string:
		p, err := model.ParseDate(d)
		if err != nil {
			return "", fmt.Errorf("oczekiwano daty RRRR-MM-DD, podano %q", d)
		}
		return f(p), nil
	}
	return "", fmt.Errorf("oczekiwano daty, podano %T", v)
}

// toInt64 accepts the integer types templates see; ok is false for a nil
// pointer (not reported).
func toInt64(v any) (n int64, ok bool, err error) {
	switch x := v.(type) {
	case int:
		return int64(x), true, nil
	case int64:
		return x, true, nil
	case int32:
		return int64(x), true, nil
	case uint:
		return int64(x), true, nil
	case *int64:
		if x == nil {
			return 0, false, nil
		}
		return *x, true, nil
	case nil:
		return 0, false, nil
	}
	return 0, false, fmt.Errorf("oczekiwano liczby całkowitej, podano %T", v)
}
