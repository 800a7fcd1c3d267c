package cas

import (
	"fmt"

	"github.com/gpwr/gpwr/model"
	"github.com/gpwr/gpwr/render/plfmt"
)

// Filled is a form with its cells computed from one Set.
type Filled struct {
	Form     *Form
	Period   model.Period
	Sections []FilledSection
	// Set is the indicators the cells came from (the checks read its findings).
	Set *model.Set
	// Note, when set, is printed on the face of every output under the title
	// (the demo: „DANE FIKCYJNE …”).
	Note string
}

// FilledSection is a section with its rows' cells.
type FilledSection struct {
	Section *Section
	Rows    []FilledRow
}

// FilledRow is one row's cells, one per column.
type FilledRow struct {
	Row   *Row
	Cells []Cell
}

// Cell is one computed cell.
type Cell struct {
	Column *Column
	Def    CellDef
	// X: the cell does not apply.
	X bool
	// Value is the exact value (grosze for a money column); nil = brak danych.
	Value *int64
	// Missing lists the codes with no value in the Set (why Value is nil).
	Missing []string
	// Text lists codes that hold text instead of a number.
	Text []string
	// WrongUnit lists codes whose unit does not fit the column (money in a
	// count column or the other way round).
	WrongUnit []string
}

// Shown is the value as the form prints it: whole złoty for money (rounded
// half up from grosze), the count otherwise; nil for brak danych and X.
func (c Cell) Shown() *int64 {
	if c.X || c.Value == nil {
		return nil
	}
	v := *c.Value
	if c.Column != nil && c.Column.Unit == Money {
		v = plfmt.RoundZloty(v)
	}
	return &v
}

// Place names a cell for findings: "Dział A, Lp. 1.1, kol. 1".
func Place(s *Section, r *Row, col int) string {
	if col <= 0 {
		return fmt.Sprintf("Dział %s, Lp. %s", s.Symbol, r.Lp)
	}
	return fmt.Sprintf("Dział %s, Lp. %s, kol. %d", s.Symbol, r.Lp, col)
}

// Compute fills the form's cells from s. A code the Set does not hold, or holds
// as "brak danych", makes the cell brak danych (nil), never 0; a sum is brak
// danych when any of its codes is.
func Compute(f *Form, s *model.Set) *Filled {
	out := &Filled{Form: f, Set: s}
	if s != nil {
		out.Period = s.Period
	}
	for _, sec := range f.Sections {
		fs := FilledSection{Section: sec}
		for _, r := range sec.Rows {
			fr := FilledRow{Row: r}
			for ci, def := range r.Cells {
				var col *Column
				if ci < len(sec.Columns) {
					col = sec.Columns[ci]
				}
				fr.Cells = append(fr.Cells, computeCell(col, def, s))
			}
			fs.Rows = append(fs.Rows, fr)
		}
		out.Sections = append(out.Sections, fs)
	}
	return out
}

func computeCell(col *Column, def CellDef, s *model.Set) Cell {
	c := Cell{Column: col, Def: def, X: def.X}
	if def.X {
		return c
	}
	var sum int64
	ok := true
	for _, code := range def.Codes {
		var ind model.Indicator
		found := false
		if s != nil {
			ind, found = s.Get(code)
		}
		switch {
		case !found:
			c.Missing = append(c.Missing, code)
			ok = false
			continue
		case ind.Value == nil && ind.Text != "":
			c.Text = append(c.Text, code)
			ok = false
			continue
		case ind.Value == nil:
			c.Missing = append(c.Missing, code)
			ok = false
			continue
		}
		if col != nil && ind.Unit != "" {
			isMoney := ind.Unit == model.UnitMoney
			if isMoney != (col.Unit == Money) {
				c.WrongUnit = append(c.WrongUnit, code)
				ok = false
				continue
			}
		}
		sum += *ind.Value
	}
	if ok {
		c.Value = model.Int(sum)
	}
	return c
}
