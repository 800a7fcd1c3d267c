// Package layout places the cells of a report table row in columns, for the
// renderers that draw grids (XLSX, HTML).
package layout

import "github.com/gpwr/gpwr/render/report"

// Placed is a cell at its first column (0-based) with the columns it covers.
type Placed struct {
	Cell report.Cell
	Col  int
	Span int
}

// Row places the cells of one row. A cell with Span n covers n columns. The
// report lists either only the spanning cell or the spanning cell followed by
// empty placeholders for the covered columns; the placeholders are dropped, so
// both forms give the same grid.
func Row(row []report.Cell) []Placed {
	var out []Placed
	col := 0
	for i := 0; i < len(row); i++ {
		c := row[i]
		span := max(c.Span, 1)
		out = append(out, Placed{Cell: c, Col: col, Span: span})
		col += span
		for k := 1; k < span && i+1 < len(row) && empty(row[i+1]); k++ {
			i++
		}
	}
	return out
}

// Width is the number of columns the row covers.
func Width(row []report.Cell) int {
	p := Row(row)
	if len(p) == 0 {
		return 0
	}
	last := p[len(p)-1]
	return last.Col + last.Span
}

func empty(c report.Cell) bool {
	return c.Text == "" && c.Value == nil && c.Float == nil && !c.Missing && !c.Hidden && c.Span <= 1
}
