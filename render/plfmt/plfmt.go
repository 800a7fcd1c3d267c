// Package plfmt is the one place where gpwr formats numbers, amounts, dates and
// nouns for Polish readers. Every renderer (PDF, XLSX, HTML, CAS print-out,
// narrative templates) uses it, so a figure reads the same everywhere.
//
// Typographic decisions (Polish norm PN-83/P-55366 and CLDR pl):
//
//   - Digits are grouped by three with U+00A0 NO-BREAK SPACE, but only when the
//     integer part has five digits or more: 1234, 12 345, 1 234 567. This applies
//     to counts, amounts and percentages alike, so one column never mixes styles.
//   - The decimal separator is a comma: 86 072,89 zł.
//   - A no-break space stands between a number and its unit (zł, %, a noun from
//     Count), so a line never breaks inside a figure.
//   - The minus sign is U+2212 MINUS SIGN (−), as in print.
//   - Dates in running text: "3 marca 2026 r." (no-break spaces inside); short:
//     "03.03.2026 r."; ISO "2026-03-03" for CAS print-outs and file contents.
package plfmt

import (
	"math"
	"strconv"
	"strings"
	"time"
	_ "time/tzdata" // Polish time on any machine

	"github.com/gpwr/gpwr/model"
)

// NBSP is the no-break space used inside figures.
const NBSP = "\u00a0"

// Minus is the sign printed before negative numbers.
const Minus = "\u2212"

// BrakDanych is printed for a value that was not reported (never 0).
const BrakDanych = "brak danych"

// group formats the absolute value of n with the thousands rule above.
func group(u uint64) string {
	s := strconv.FormatUint(u, 10)
	if len(s) < 5 {
		return s
	}
	var b strings.Builder
	pre := len(s) % 3
	if pre > 0 {
		b.WriteString(s[:pre])
	}
	for i := pre; i < len(s); i += 3 {
		if b.Len() > 0 {
			b.WriteString(NBSP)
		}
		b.WriteString(s[i : i+3])
	}
	return b.String()
}

func abs(n int64) uint64 {
	if n < 0 {
		return uint64(-(n + 1)) + 1 // safe for math.MinInt64
	}
	return uint64(n)
}

func sign(n int64) string {
	if n < 0 {
		return Minus
	}
	return ""
}

// Int formats a whole number: "7", "1234", "12 345", "−5".
func Int(n int64) string { return sign(n) + group(abs(n)) }

// Number formats an amount of grosze without the currency: "86 072,89".
func Number(gr int64) string {
	a := abs(gr)
	return sign(gr) + group(a/100) + "," + twoDigits(a%100)
}

func twoDigits(u uint64) string {
	if u < 10 {
		return "0" + strconv.FormatUint(u, 10)
	}
	return strconv.FormatUint(u, 10)
}

// Amount formats grosze as złoty: "86 072,89 zł", "0,00 zł", "−12,50 zł".
func Amount(gr int64) string { return Number(gr) + NBSP + "zł" }

// RoundZloty rounds grosze to whole złoty, half away from zero (8 607 289 gr →
// 86 073 zł; 50 gr → 1 zł; −50 gr → −1 zł).
func RoundZloty(gr int64) int64 {
	a := abs(gr)
	z := int64((a + 50) / 100)
	if gr < 0 {
		return -z
	}
	return z
}

// AmountWhole formats grosze as whole złoty rounded half up: "86 073 zł".
func AmountWhole(gr int64) string { return Int(RoundZloty(gr)) + NBSP + "zł" }

// Percent formats a percentage given in percent (12.5 → "12,5 %"), rounded
// half away from zero to the given number of decimals.
func Percent(x float64, decimals int) string {
	return Decimal(x, decimals) + NBSP + "%"
}

// Decimal formats a float with a decimal comma and the grouping rule:
// Decimal(1234.5, 1) = "1234,5", Decimal(-0.04, 1) = "0,0".
func Decimal(x float64, decimals int) string {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return BrakDanych
	}
	if decimals < 0 {
		decimals = 0
	}
	p := math.Pow(10, float64(decimals))
	r := math.Round(math.Abs(x) * p)
	ip := uint64(r / p)
	frac := uint64(r) - ip*uint64(p)
	s := group(ip)
	if decimals > 0 {
		f := strconv.FormatUint(frac, 10)
		s += "," + strings.Repeat("0", decimals-len(f)) + f
	}
	if x < 0 && r != 0 {
		s = Minus + s
	}
	return s
}

// Signed formats a change with an explicit sign: "+5", "−3", "0".
func Signed(n int64) string {
	if n > 0 {
		return "+" + Int(n)
	}
	return Int(n)
}

// SignedAmount formats a change of money with an explicit sign: "+1 234,00 zł".
func SignedAmount(gr int64) string {
	if gr > 0 {
		return "+" + Amount(gr)
	}
	return Amount(gr)
}

// SignedPercent formats a relative change in percent with a sign: "+12,5 %".
func SignedPercent(x float64, decimals int) string {
	s := Percent(x, decimals)
	if x > 0 && Decimal(x, decimals) != Decimal(0, decimals) {
		return "+" + s
	}
	return s
}

// ChangePercent is the relative change from prev to cur in percent, and false
// when it is undefined (prev is 0).
func ChangePercent(prev, cur int64) (float64, bool) {
	if prev == 0 {
		return 0, false
	}
	return float64(cur-prev) * 100 / math.Abs(float64(prev)), true
}

var monthsGen = [...]string{"stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia", "września", "października", "listopada", "grudnia"}
var monthsNom = [...]string{"styczeń", "luty", "marzec", "kwiecień", "maj", "czerwiec", "lipiec", "sierpień", "wrzesień", "październik", "listopad", "grudzień"}

// Date formats a date for running text: "3 marca 2026 r.".
func Date(d model.Date) string {
	return strconv.Itoa(d.Day()) + NBSP + monthsGen[d.Month()-1] + NBSP + strconv.Itoa(d.Year()) + NBSP + "r."
}

// DateShort formats a date as "03.03.2026 r.".
func DateShort(d model.Date) string { return d.Format("02.01.2006") + NBSP + "r." }

// DateNum formats a date as "03.03.2026" (table cells, period ranges).
func DateNum(d model.Date) string { return d.Format("02.01.2006") }

// DateISO formats a date as "2026-03-03".
func DateISO(d model.Date) string { return d.Format("2006-01-02") }

// MonthYear formats "marzec 2026" (title pages).
func MonthYear(d model.Date) string { return monthsNom[d.Month()-1] + " " + strconv.Itoa(d.Year()) }

// warsaw is Polish time (the tz database is embedded: the same on any machine).
var warsaw = func() *time.Location {
	l, err := time.LoadLocation("Europe/Warsaw")
	if err != nil {
		return time.UTC
	}
	return l
}()

// DateTime formats a moment in Polish time: "20.02.2026 10:30" (when a file
// was read, when a return was prepared).
func DateTime(t time.Time) string { return t.In(warsaw).Format("02.01.2006 15:04") }

// PeriodText formats a period as "01.01.2025 r. – 30.06.2025 r.".
func PeriodText(p model.Period) string {
	return DateShort(p.From) + " – " + DateShort(p.To)
}

// Value formats an indicator for print: "brak danych" when it was not
// reported, its text for a text-typed partner code, an amount for money, a
// whole number otherwise.
func Value(ind model.Indicator) string {
	if ind.Value == nil {
		if ind.Text != "" {
			return ind.Text
		}
		return BrakDanych
	}
	if ind.Unit == model.UnitMoney {
		return Amount(*ind.Value)
	}
	return Int(*ind.Value)
}
