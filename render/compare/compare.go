// Package compare puts the indicators of several years side by side: one row
// per indicator, one column per year, the change year to year, and findings
// for changes beyond the gmina's threshold. Write renders the comparison as
// porownanie.xlsx, porownanie.html and porownanie.json.
//
// The threshold rule (yoy.Changes, yoy.Judge) is shared with the annual report's "previous
// years" columns and the CAS plausibility check.
package compare

import (
	"sort"

	"github.com/gpwr/gpwr/internal/archive"
	"github.com/gpwr/gpwr/model"
	"github.com/gpwr/gpwr/render/compare/yoy"
	"github.com/gpwr/gpwr/render/plfmt"
)

// Origin says where the figures of one year came from.
type Origin string

const (
	// FromArchive: the latest archived revision computed by an earlier run.
	FromArchive Origin = "archiwum"
	// FromRecords: computed from the OPS records by this run.
	FromRecords Origin = "rekordy"
	// FromTyped: typed in from an old paper report (archived with origin wpis_reczny).
	FromTyped Origin = "wpis_reczny"
	// Absent: neither archived nor covered by the records.
	Absent Origin = "brak"
)

// Polish is the origin as a reader sees it.
func (o Origin) Polish() string {
	switch o {
	case FromArchive:
		return "archiwum"
	case FromRecords:
		return "obliczone z rekordów OPS"
	case FromTyped:
		return "wpis ręczny ze sprawozdania"
	case Absent:
		return "brak danych"
	}
	return string(o)
}

// FromEntry is the origin of a year read from an archive revision.
func FromEntry(e *archive.Entry) Origin {
	if e != nil && e.Origin == archive.Typed {
		return FromTyped
	}
	return FromArchive
}

// YearSet is the indicators of one year and where they came from. Set is nil
// when the year is absent (From is then Absent).
type YearSet struct {
	Year int
	Set  *model.Set
	From Origin
}

// Year is one column of the comparison.
type Year struct {
	Year int
	From Origin
}

// Delta is the change from one year to the next: Abs in the indicator's unit
// (grosze for money), Pct in percent. Both nil when either side is not
// reported; Pct also nil when the base is 0.
type Delta struct {
	Abs *int64
	Pct *float64
	// Flagged: the change is beyond the threshold (see Changes).
	Flagged bool
}

// Row is one indicator across the years.
type Row struct {
	Code  string
	Label string
	Unit  model.Unit
	// Key: one of yoy.KeyIndicators (charted).
	Key bool
	// Values has one entry per Comparison.Years; nil = brak danych.
	Values []*int64
	// Deltas[i] is the change from Years[i] to Years[i+1].
	Deltas []Delta
}

// Comparison is every indicator of the given years.
type Comparison struct {
	Years     []Year
	Rows      []Row
	Findings  []model.Finding
	Threshold float64
}

// Build compares the years (sorted by year) with findings for changes beyond
// ±threshold % between adjacent columns.
func Build(years []YearSet, threshold float64) *Comparison {
	ys := append([]YearSet(nil), years...)
	sort.SliceStable(ys, func(i, j int) bool { return ys[i].Year < ys[j].Year })
	c := &Comparison{Threshold: threshold}
	type meta struct {
		label string
		unit  model.Unit
	}
	metas := map[string]meta{}
	for _, y := range ys {
		from := y.From
		if y.Set == nil {
			from = Absent
		}
		c.Years = append(c.Years, Year{Year: y.Year, From: from})
		if y.Set == nil {
			continue
		}
		for _, ind := range y.Set.Indicators {
			if !yoy.Numeric(ind) {
				continue
			}
			// The latest year's label and unit win.
			metas[ind.Code] = meta{ind.Label, ind.Unit}
		}
	}
	codes := make([]string, 0, len(metas))
	for code := range metas {
		codes = append(codes, code)
	}
	yoy.SortCodes(codes)

	flagged := map[[2]int]bool{} // (row code index, delta index)
	codeRow := map[string]int{}
	for i, code := range codes {
		codeRow[code] = i
	}
	for i := 1; i < len(ys); i++ {
		if ys[i-1].Set == nil || ys[i].Set == nil {
			continue
		}
		fs := yoy.Changes(ys[i-1].Set, ys[i].Set, threshold)
		for _, f := range fs {
			if r, ok := codeRow[f.Place]; ok {
				flagged[[2]int{r, i - 1}] = true
			}
		}
		c.Findings = append(c.Findings, fs...)
	}

	for ri, code := range codes {
		m := metas[code]
		r := Row{Code: code, Label: m.label, Unit: m.unit, Values: make([]*int64, len(ys))}
		r.Key = yoy.IsKey(code)
		for i, y := range ys {
			if y.Set == nil {
				continue
			}
			if ind, ok := y.Set.Get(code); ok && ind.Value != nil {
				v := *ind.Value
				r.Values[i] = &v
			}
		}
		for i := 1; i < len(ys); i++ {
			d := delta(r.Values[i-1], r.Values[i])
			d.Flagged = flagged[[2]int{ri, i - 1}]
			r.Deltas = append(r.Deltas, d)
		}
		c.Rows = append(c.Rows, r)
	}
	return c
}

func delta(prev, cur *int64) Delta {
	if prev == nil || cur == nil {
		return Delta{}
	}
	abs := *cur - *prev
	d := Delta{Abs: &abs}
	if p, ok := plfmt.ChangePercent(*prev, *cur); ok {
		d.Pct = &p
	}
	return d
}

// Row returns the row of code, and false when the comparison has none.
func (c *Comparison) Row(code string) (Row, bool) {
	for _, r := range c.Rows {
		if r.Code == code {
			return r, true
		}
	}
	return Row{}, false
}
