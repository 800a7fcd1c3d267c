package partner

import (
	"fmt"
	"math/big"
	"strconv"
	"strings"
)

// maxValue bounds counts and amounts (in grosze): far above anything a partner
// reports, far below int64 overflow when a few institutions are summed.
const maxValue = 1_000_000_000_000_000 // 10^15

// NotReported tells whether a cell means "brak danych": empty, „brak danych”,
// „b.d.”, „bd” (any case, trailing dots and extra spaces ignored), „b/d”.
func NotReported(s string) bool {
	s = strings.ToLower(strings.Join(strings.Fields(s), " "))
	s = strings.TrimRight(s, ".")
	switch s {
	case "", "brak danych", "b.d", "bd", "b/d":
		return true
	}
	return false
}

// ValueError is why a cell is not a value of its code's type: Check is the
// stable Finding.Check code, Msg a Polish phrase saying what was expected.
type ValueError struct {
	Check string
	Msg   string
}

func (e *ValueError) Error() string { return e.Msg }

// ParseValue reads the cell of a Count or Amount code as partner returns are
// read: nil when it is not reported (NotReported), else a whole number ≥ 0 or
// an amount in złoty as grosze, typed the Polish way ("1 234,56 zł",
// "1.234.567") or, when numeric (an XLSX number cell, TableRow.IsNumeric),
// its raw text with float noise tolerated. A refused cell gives a
// *ValueError. Text codes have no value: do not pass Text.
func ParseValue(raw string, numeric bool, t Type) (*int64, error) {
	if NotReported(raw) {
		return nil, nil
	}
	v, ve := parseValue(raw, numeric, t)
	if ve != nil {
		return nil, ve
	}
	return &v, nil
}

// parseValue reads a count or an amount (grosze). numeric marks an XLSX number
// cell, whose raw text ("1234.5", "1.2E3") is exact and may carry float noise.
// Text-typed codes never reach here.
func parseValue(raw string, numeric bool, t Type) (int64, *ValueError) {
	var r *big.Rat
	if numeric {
		s := strings.TrimSpace(raw)
		if i := strings.IndexAny(s, "eE"); i >= 0 {
			// big.Rat would build 10^exp exactly: bound the exponent first.
			if e, err := strconv.Atoi(strings.TrimPrefix(s[i+1:], "+")); err != nil || e > 30 || e < -30 {
				return 0, &ValueError{"zwrot.typ", fmt.Sprintf("wartość %s jest poza zakresem", quote(raw))}
			}
		}
		var ok bool
		r, ok = new(big.Rat).SetString(s)
		if !ok {
			return 0, typeErr(raw, t)
		}
	} else {
		var ve *ValueError
		r, ve = parseText(raw, t)
		if ve != nil {
			return 0, ve
		}
	}
	if r.Sign() < 0 {
		if t == Amount {
			return 0, &ValueError{"zwrot.ujemna", fmt.Sprintf("kwota nie może być ujemna, podano %s", quote(raw))}
		}
		return 0, &ValueError{"zwrot.ujemna", fmt.Sprintf("liczba nie może być ujemna, podano %s; oczekiwano liczby całkowitej ≥ 0", quote(raw))}
	}
	scale := int64(1)
	if t == Amount {
		scale = 100
	}
	v := new(big.Rat).Mul(r, new(big.Rat).SetInt64(scale))
	if !v.IsInt() {
		// An XLSX number may be 12.300000000000001 for 12.3: accept float
		// noise below a millionth of the unit, refuse anything coarser.
		f, _ := v.Float64()
		n := new(big.Rat).SetInt64(int64(f + 0.5))
		diff, _ := new(big.Rat).Sub(v, n).Float64()
		if !numeric || diff > 1e-6 || diff < -1e-6 {
			if t == Amount {
				return 0, &ValueError{"zwrot.typ", fmt.Sprintf("kwota może mieć najwyżej 2 miejsca po przecinku (grosze), podano %s", quote(raw))}
			}
			return 0, &ValueError{"zwrot.ulamek", fmt.Sprintf("liczba musi być całkowita, podano %s; oczekiwano liczby całkowitej ≥ 0", quote(raw))}
		}
		v = n
	}
	if v.Cmp(new(big.Rat).SetInt64(maxValue)) > 0 {
		return 0, &ValueError{"zwrot.typ", fmt.Sprintf("wartość %s jest nieprawdopodobnie duża", quote(raw))}
	}
	return v.Num().Int64(), nil
}

func typeErr(raw string, t Type) *ValueError {
	if t == Amount {
		return &ValueError{"zwrot.typ", fmt.Sprintf("oczekiwano kwoty w złotych (np. 1 234,56), „brak danych” albo pustej komórki, podano %s", quote(raw))}
	}
	return &ValueError{"zwrot.typ", fmt.Sprintf("oczekiwano liczby całkowitej ≥ 0, „brak danych” albo pustej komórki, podano %s", quote(raw))}
}

// parseText reads a number as a person types it in Poland: thousands
// separated by spaces, NBSP or U+202F, decimal comma (or point), an optional
// „zł” on amounts, a minus sign (kept, so the caller can say "negative").
func parseText(raw string, t Type) (*big.Rat, *ValueError) {
	s := strings.TrimSpace(raw)
	if t == Amount {
		low := strings.ToLower(s)
		for _, suf := range []string{"zł.", "zł", "zl.", "zl", "pln"} {
			if strings.HasSuffix(low, suf) {
				s = strings.TrimSpace(s[:len(s)-len(suf)])
				break
			}
		}
	}
	neg := false
	for _, m := range []string{"-", "\u2212", "\u2013"} {
		if strings.HasPrefix(s, m) {
			neg, s = true, strings.TrimSpace(strings.TrimPrefix(s, m))
			break
		}
	}
	s = strings.Map(func(r rune) rune {
		switch r {
		case ' ', '\u00a0', '\u202f', '\u2009', '\'':
			return -1
		}
		return r
	}, s)
	if s == "" {
		return nil, typeErr(raw, t)
	}
	for _, r := range s {
		if (r < '0' || r > '9') && r != ',' && r != '.' {
			return nil, typeErr(raw, t)
		}
	}
	intPart, frac, decimal := s, "", false
	dots, commas := strings.Count(s, "."), strings.Count(s, ",")
	switch {
	case dots > 0 && commas > 0:
		// "1.234,56" or "1,234.56": the last separator is the decimal one.
		dec := strings.LastIndexAny(s, ".,")
		intPart, frac, decimal = s[:dec], s[dec+1:], true
		group := "."
		if s[dec] == '.' {
			group = ","
		}
		if strings.ContainsAny(frac, ".,") || !grouped(intPart, group) {
			return nil, typeErr(raw, t)
		}
		intPart = strings.ReplaceAll(intPart, group, "")
	case commas == 1:
		i := strings.IndexByte(s, ',')
		intPart, frac, decimal = s[:i], s[i+1:], true
	case dots == 1:
		i := strings.IndexByte(s, '.')
		intPart, frac, decimal = s[:i], s[i+1:], true
		if len(frac) == 3 && len(intPart) >= 1 && len(intPart) <= 3 {
			return nil, &ValueError{"zwrot.typ", fmt.Sprintf("zapis %s jest niejednoznaczny (kropka jako separator tysięcy czy dziesiętny?); oczekiwano np. 1234, 1 234 albo 1,234 dla części ułamkowej", quote(raw))}
		}
	case dots > 1 || commas > 1:
		group := "."
		if commas > 1 {
			group = ","
		}
		if !grouped(s, group) {
			return nil, typeErr(raw, t)
		}
		intPart = strings.ReplaceAll(s, group, "")
	}
	if intPart == "" || (decimal && frac == "") || strings.ContainsAny(intPart, ".,") || strings.ContainsAny(frac, ".,") {
		return nil, typeErr(raw, t)
	}
	if len(intPart) > 18 {
		return nil, &ValueError{"zwrot.typ", fmt.Sprintf("wartość %s jest nieprawdopodobnie duża", quote(raw))}
	}
	num := intPart
	if frac != "" {
		num += "." + frac
	}
	if neg {
		num = "-" + num
	}
	r, ok := new(big.Rat).SetString(num)
	if !ok {
		return nil, typeErr(raw, t)
	}
	return r, nil
}

// grouped tells whether s is digits in groups of three separated by sep
// ("1.234.567"), the first group 1–3 digits.
func grouped(s, sep string) bool {
	parts := strings.Split(s, sep)
	if len(parts) < 2 || len(parts[0]) < 1 || len(parts[0]) > 3 {
		return false
	}
	for _, p := range parts[1:] {
		if len(p) != 3 {
			return false
		}
	}
	return true
}

// quote puts a value into Polish quotes, shortened to 40 characters.
func quote(s string) string {
	s = strings.TrimSpace(s)
	if r := []rune(s); len(r) > 40 {
		s = string(r[:40]) + "…"
	}
	return "„" + s + "”"
}
