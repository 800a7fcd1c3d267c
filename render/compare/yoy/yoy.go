// Package yoy is the year-to-year plausibility rule of gpwr: which changes of
// an indicator between two periods are worth a warning. It is a leaf package
// (model, plfmt and collectors/ops's code table only) so that the multi-year
// comparison (render/compare), the annual report's "previous years" columns
// and the CAS plausibility check share one rule without import cycles.
package yoy

import (
	"fmt"
	"math"
	"sort"

	"github.com/gpwr/gpwr/collectors/ops"
	"github.com/gpwr/gpwr/model"
	"github.com/gpwr/gpwr/render/plfmt"
)

// KeyIndicators are the indicators charted in comparisons, in this order.
var KeyIndicators = []string{
	"asysta.rodziny", "asysta.dzieci", "asystenci.liczba", "placowki.dzieci",
	"rodziny_wspierajace.liczba", "piecza.dzieci", "piecza.koszt", "niebieskie_karty.rodziny",
	"praca_socjalna.rodziny", "klienci.rodziny_z_dziecmi",
}

var keyIndex = func() map[string]int {
	m := map[string]int{}
	for i, c := range KeyIndicators {
		m[c] = i
	}
	return m
}()

// IsKey tells whether code is one of KeyIndicators.
func IsKey(code string) bool { _, ok := keyIndex[code]; return ok }

// Tiny bases: a change is judged only when the larger of the two values
// reaches MinBase (counts) or MinBaseMoney (grosze, i.e. 1000 zł); 2 → 4
// families is +100 % but says nothing.
const (
	MinBase      = 5
	MinBaseMoney = 100_000
)

// CheckChange is the Finding.Check of a change beyond the threshold.
const CheckChange = "zmiana.rok_do_roku"

// Numeric tells whether an indicator takes part in comparisons (not a text value).
func Numeric(ind model.Indicator) bool { return ind.Unit != model.UnitText && ind.Text == "" }

// SortCodes orders indicator codes: the built-in codes of the data contract
// first, by group in the contract's order (assistants, assistance, day
// centres, …) with the key indicators of a group before its other codes,
// then every other code (partner catalog, the program's own) alphabetically.
func SortCodes(codes []string) {
	rank := func(code string) (int, int) {
		g, ok := ops.Order(code)
		if !ok {
			return 1 << 20, 0
		}
		if k, ok := keyIndex[code]; ok {
			return g, k
		}
		return g, len(KeyIndicators)
	}
	sort.SliceStable(codes, func(i, j int) bool {
		gi, ki := rank(codes[i])
		gj, kj := rank(codes[j])
		if gi != gj {
			return gi < gj
		}
		if ki != kj {
			return ki < kj
		}
		return codes[i] < codes[j]
	})
}

// Changes compares every numeric indicator reported in both prev and cur
// and returns a Warning for each whose value moved by more than ±threshold %.
// Rules:
//   - brak danych on either side, a code missing on either side, or a text
//     value: not judged;
//   - tiny bases: when both values are below MinBase (MinBaseMoney for money)
//     in absolute value, not judged;
//   - from 0 to a value of at least the base: a finding (the percentage is
//     undefined, the jump is not);
//   - otherwise a finding when |cur−prev|/|prev|·100 > threshold (exactly the
//     threshold passes).
//
// Findings come in SortCodes order; Place is the indicator code and the
// message one Polish sentence naming both periods (their keys: "2024",
// "2025-H1").
func Changes(prev, cur *model.Set, threshold float64) []model.Finding {
	if prev == nil || cur == nil {
		return nil
	}
	var codes []string
	for _, ind := range cur.Indicators {
		if Numeric(ind) && ind.Value != nil {
			codes = append(codes, ind.Code)
		}
	}
	SortCodes(codes)
	pk, ck := prev.Period.Key(), cur.Period.Key()
	var out []model.Finding
	for _, code := range codes {
		ci, _ := cur.Get(code)
		pi, ok := prev.Get(code)
		if !ok || pi.Value == nil || !Numeric(pi) {
			continue
		}
		p, v := *pi.Value, *ci.Value
		pct, defined, flagged := Judge(p, v, ci.Unit == model.UnitMoney, threshold)
		if !flagged {
			continue
		}
		name := ci.Label
		if name == "" {
			name = code
		}
		fmtV := func(x int64) string { return plfmt.Value(model.Indicator{Value: &x, Unit: ci.Unit}) }
		var msg string
		if !defined {
			msg = fmt.Sprintf("%s: %s – %s, %s – %s (wzrost od zera); sprawdź, czy to nie błąd.", name, pk, fmtV(p), ck, fmtV(v))
		} else {
			msg = fmt.Sprintf("%s: %s – %s, %s – %s, zmiana %s (więcej niż ±%s); sprawdź, czy to nie błąd.", name, pk, fmtV(p), ck, fmtV(v), plfmt.SignedPercent(pct, 1), ThresholdText(threshold))
		}
		out = append(out, model.Finding{Severity: model.Warning, Check: CheckChange, Place: code, Message: msg})
	}
	return out
}

// Judge applies the rule to one pair of values (money in grosze): the change
// in percent (defined false when prev is 0) and whether it is beyond
// ±threshold. Both values below the base are not judged; a jump from 0 to at
// least the base is flagged.
func Judge(prev, cur int64, money bool, threshold float64) (pct float64, defined, flagged bool) {
	base := int64(MinBase)
	if money {
		base = MinBaseMoney
	}
	pct, defined = plfmt.ChangePercent(prev, cur)
	switch {
	case absI(prev) < base && absI(cur) < base:
		return pct, defined, false
	case !defined:
		return 0, false, true
	}
	return pct, true, math.Abs(pct) > threshold
}

// ThresholdText prints a threshold: "30 %", "12,5 %".
func ThresholdText(threshold float64) string {
	d := 0
	if threshold != math.Trunc(threshold) {
		d = 1
	}
	return plfmt.Percent(threshold, d)
}

func absI(x int64) int64 {
	if x < 0 {
		return -x
	}
	return x
}
