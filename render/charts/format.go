package charts

// Polish number formatting for chart values and ticks, delegated to plfmt so a
// figure reads the same in the chart, the table and the text. The JS
// formatter of the HTML charts (jsNumber) follows the same rules: grouping by
// U+00A0 from five integer digits, decimal comma, U+2212 minus.

import (
	"math"

	"github.com/gpwr/gpwr/render/plfmt"
)

// decimal formats x with at most two decimals, trailing zeros dropped:
// 1234567.5 → "1 234 567,5", 1234 → "1234", 2.25 → "2,25".
func decimal(x float64) string {
	for d := 0; d < 2; d++ {
		p := math.Pow(10, float64(d))
		if math.Abs(x*p-math.Round(x*p)) < 1e-9*math.Max(1, math.Abs(x*p)) {
			return plfmt.Decimal(x, d)
		}
	}
	return plfmt.Decimal(x, 2)
}

// money formats x złoty exactly to the grosz: "86 072,89 zł".
func money(x float64) string { return plfmt.Amount(int64(math.Round(x * 100))) }
