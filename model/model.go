// Package model holds what one run of gpwr knows about a reporting period: the
// indicators, the lists a report prints, the findings of the checks and where
// every figure came from. It is pure data: no I/O, no file formats.
package model

import (
	"fmt"
	"sort"
	"time"
)

// Date is a calendar date. Times of day never matter in the contract.
type Date struct{ time.Time }

// D builds a Date.
func D(y int, m time.Month, d int) Date { return Date{time.Date(y, m, d, 0, 0, 0, 0, time.UTC)} }

// ParseDate reads YYYY-MM-DD.
func ParseDate(s string) (Date, error) {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		return Date{}, err
	}
	return Date{t}, nil
}

// String gives YYYY-MM-DD.
func (d Date) String() string { return d.Format("2006-01-02") }

// MarshalText writes YYYY-MM-DD (JSON, TOML).
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText reads YYYY-MM-DD.
func (d *Date) UnmarshalText(b []byte) error {
	p, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = p
	return nil
}

// MarshalJSON writes "YYYY-MM-DD" (time.Time's own method would win otherwise).
func (d Date) MarshalJSON() ([]byte, error) { return []byte(`"` + d.String() + `"`), nil }

// UnmarshalJSON reads "YYYY-MM-DD" (or an RFC 3339 time, of which the day is kept).
func (d *Date) UnmarshalJSON(b []byte) error {
	s := string(b)
	if len(s) < 2 || s[0] != '"' || s[len(s)-1] != '"' {
		return fmt.Errorf("data: oczekiwano tekstu RRRR-MM-DD, jest %s", s)
	}
	s = s[1 : len(s)-1]
	if len(s) > 10 {
		s = s[:10]
	}
	return d.UnmarshalText([]byte(s))
}

// AddDays moves the date by n days.
func (d Date) AddDays(n int) Date { return Date{d.Time.AddDate(0, 0, n)} }

// PeriodKind tells a year from a half-year.
type PeriodKind string

const (
	Year     PeriodKind = "rok"
	HalfYear PeriodKind = "polrocze"
)

// Period is an inclusive range of days [From, To].
type Period struct {
	Kind PeriodKind `json:"rodzaj"`
	Year int        `json:"rok"`
	Half int        `json:"polrocze,omitempty"` // 1 or 2 for a half-year
	From Date       `json:"od"`
	To   Date       `json:"do"`
}

// YearPeriod is 1 January – 31 December of y.
func YearPeriod(y int) Period {
	return Period{Kind: Year, Year: y, From: D(y, 1, 1), To: D(y, 12, 31)}
}

// HalfPeriod is 1 January – 30 June (h=1) or 1 July – 31 December (h=2).
func HalfPeriod(y, h int) (Period, error) {
	switch h {
	case 1:
		return Period{Kind: HalfYear, Year: y, Half: 1, From: D(y, 1, 1), To: D(y, 6, 30)}, nil
	case 2:
		return Period{Kind: HalfYear, Year: y, Half: 2, From: D(y, 7, 1), To: D(y, 12, 31)}, nil
	}
	return Period{}, fmt.Errorf("półrocze musi być 1 albo 2, podano %d", h)
}

// Key names the period in file names and the archive: "2025" or "2025-H1".
func (p Period) Key() string {
	if p.Kind == HalfYear {
		return fmt.Sprintf("%d-H%d", p.Year, p.Half)
	}
	return fmt.Sprintf("%d", p.Year)
}

// Previous is the same kind of period one year earlier.
func (p Period) Previous() Period {
	if p.Kind == HalfYear {
		q, _ := HalfPeriod(p.Year-1, p.Half)
		return q
	}
	return YearPeriod(p.Year - 1)
}

// Unit of an indicator's value, as the JSON contract (§4) prints it.
type Unit string

const (
	UnitFamilies Unit = "rodziny"
	UnitPersons  Unit = "osoby"
	UnitChildren Unit = "dzieci"
	UnitCount    Unit = "szt."
	UnitDays     Unit = "dni"
	UnitPlaces   Unit = "miejsca"
	UnitMoney    Unit = "gr" // grosze
	UnitText     Unit = "tekst"
)

// SourceOPS is the Source of indicators computed from the OPS records.
const SourceOPS = "ops"

// Indicator is one figure. Value nil means "brak danych" (not reported), which
// is never the same as 0.
type Indicator struct {
	Code   string `json:"kod"`
	Label  string `json:"etykieta"`
	Value  *int64 `json:"wartosc"`
	Text   string `json:"tekst,omitempty"` // value of a text-typed partner code
	Unit   Unit   `json:"jednostka"`
	From   Date   `json:"od"`
	To     Date   `json:"do"`
	Source string `json:"zrodlo"`
	Remark string `json:"uwagi,omitempty"`
}

// Int returns a pointer to v, for Indicator.Value.
func Int(v int64) *int64 { return &v }

// Reported tells whether the indicator has a value.
func (i Indicator) Reported() bool { return i.Value != nil || i.Text != "" }

// Severity of a finding.
type Severity string

const (
	Warning Severity = "ostrzezenie"
	Error   Severity = "blad"
)

// Finding is the result of one check: what is wrong and where. Place names a
// file:line, a table and column, or an assistant and a day — never a person.
type Finding struct {
	Severity Severity `json:"waga"`
	Check    string   `json:"kontrola"` // stable code, e.g. "asysta.limit"
	Place    string   `json:"miejsce,omitempty"`
	Message  string   `json:"komunikat"` // one Polish sentence
}

func (f Finding) String() string {
	if f.Place == "" {
		return f.Message
	}
	return f.Place + ": " + f.Message
}

// Source describes one input the figures came from.
type Source struct {
	Name   string    `json:"nazwa"`  // "ops" or a partner file name
	Kind   string    `json:"rodzaj"` // "sqlite", "postgres", "partner", "archiwum", "wpis_reczny"
	Where  string    `json:"lokalizacja,omitempty"`
	ReadAt time.Time `json:"odczyt"`
	SHA256 string    `json:"sha256,omitempty"`
	Note   string    `json:"uwagi,omitempty"`
}

// Training is one training of assistants, as the report lists it.
type Training struct {
	Title     string `json:"tytul"`
	Organiser string `json:"organizator"`
	HeldOn    Date   `json:"data"`
	CostGr    *int64 `json:"koszt_gr"`
	PaidBy    string `json:"finansowanie"` // ops | free | other
}

// BenefitKind is a benefit dictionary entry, printed in SortOrder.
type BenefitKind struct {
	Code      string `json:"kod"`
	Label     string `json:"etykieta"`
	Category  string `json:"kategoria"`
	SortOrder int    `json:"kolejnosc"`
}

// DayCentre is a day-support centre open on the period's last day.
type DayCentre struct {
	Name   string `json:"nazwa"`
	Form   string `json:"forma"`
	RunBy  string `json:"prowadzacy"`
	Places int64  `json:"miejsca"`
}

// Lists are the non-numeric listings of the records a report prints. They hold
// no personal data: only dictionary entries, institutions and trainings.
type Lists struct {
	Trainings    []Training    `json:"szkolenia"`
	BenefitKinds []BenefitKind `json:"rodzaje_swiadczen"`
	DayCentres   []DayCentre   `json:"placowki"`
	// Values seen in the records for the open splits of §2.
	ActivityKinds []string `json:"rodzaje_dzialan"`
}

// Set is the indicators of one period with the findings and the provenance.
type Set struct {
	Period     Period      `json:"okres"`
	Indicators []Indicator `json:"wskazniki"`
	Findings   []Finding   `json:"ustalenia"`
	Sources    []Source    `json:"zrodla"`
	Lists      Lists       `json:"zestawienia"`
	index      map[string]int
}

// Add appends or replaces an indicator by code.
func (s *Set) Add(ind Indicator) {
	if s.index == nil {
		s.reindex()
	}
	if i, ok := s.index[ind.Code]; ok {
		s.Indicators[i] = ind
		return
	}
	s.index[ind.Code] = len(s.Indicators)
	s.Indicators = append(s.Indicators, ind)
}

func (s *Set) reindex() {
	s.index = make(map[string]int, len(s.Indicators))
	for i, ind := range s.Indicators {
		s.index[ind.Code] = i
	}
}

// Get finds an indicator by code.
func (s *Set) Get(code string) (Indicator, bool) {
	if s.index == nil || len(s.index) != len(s.Indicators) {
		s.reindex()
	}
	i, ok := s.index[code]
	if !ok {
		return Indicator{}, false
	}
	return s.Indicators[i], true
}

// Value returns the value of code, and false when it is missing or not reported.
func (s *Set) Value(code string) (int64, bool) {
	ind, ok := s.Get(code)
	if !ok || ind.Value == nil {
		return 0, false
	}
	return *ind.Value, true
}

// Sort orders the indicators by code, for stable output.
func (s *Set) Sort() {
	sort.SliceStable(s.Indicators, func(a, b int) bool { return s.Indicators[a].Code < s.Indicators[b].Code })
	s.reindex()
}

// Errors returns the findings of severity Error.
func (s *Set) Errors() []Finding {
	var out []Finding
	for _, f := range s.Findings {
		if f.Severity == Error {
			out = append(out, f)
		}
	}
	return out
}
