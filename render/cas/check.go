package cas

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/gpwr/gpwr/internal/config"
	"github.com/gpwr/gpwr/model"
	"github.com/gpwr/gpwr/render/compare/yoy"
	"github.com/gpwr/gpwr/render/plfmt"
)

// Check codes of the findings this package reports.
const (
	CheckForm      = "cas.formularz"         // rows of the definition not confirmed against the regulation
	CheckPeriod    = "cas.okres"             // the Set is not a half-year
	CheckMissing   = "cas.brak_danych"       // a cell without data
	CheckWhole     = "cas.liczba_calkowita"  // a cell that must be a whole number is not one
	CheckUnit      = "cas.jednostka"         // money in a count cell or the other way round
	CheckNegative  = "cas.wartosc_ujemna"    // a negative figure
	CheckOf        = "cas.z_tego"            // "z tego" rows do not add up
	CheckRounding  = "cas.zaokraglenie"      // they add up in grosze but not in whole złoty
	CheckIncluding = "cas.w_tym"             // a "w tym" row exceeds its parent
	CheckColumns   = "cas.kolumny"           // an "ogółem" column is not the sum of its columns
	CheckCaseload  = "cas.limit_asystenta"   // an assistant had more families than the limit
	CheckShare     = "cas.udzial_piecza"     // foster charges billed at the wrong share
	CheckChange    = "cas.zmiana"            // implausible change against the same half of last year
	CheckDeadline  = "cas.termin"            // deadline reminder
	defaultChange  = 30.0                    // % when there is no configuration
	caseloadLaw    = "art. 15 ust. 4 ustawy" // the caseload limit's legal basis
)

// Deadline is the day by which the return for p must be filed in CAS: 31 July
// for the first half-year, 31 January of the next year for the second.
func Deadline(p model.Period) model.Date {
	if p.Half == 2 {
		return model.D(p.Year+1, time.January, 31)
	}
	return model.D(p.Year, time.July, 31)
}

// Check runs the form's checks on the filled cells. prev (the same half of the
// previous year, optional) is used for the plausibility of changes; today for
// the deadline reminder. Every finding names its cell ("Dział A, Lp. 1.1, kol. 1").
func Check(f *Filled, prev *model.Set, cfg *config.Config, today model.Date) []model.Finding {
	var out []model.Finding
	add := func(sev model.Severity, check, place, format string, a ...any) {
		out = append(out, model.Finding{Severity: sev, Check: check, Place: place, Message: fmt.Sprintf(format, a...)})
	}
	limit := 15
	threshold := defaultChange
	if cfg != nil {
		if cfg.Ustawienia.LimitRodzinAsystenta > 0 {
			limit = cfg.Ustawienia.LimitRodzinAsystenta
		}
		if cfg.Ustawienia.ProgZmianyProcent > 0 {
			threshold = cfg.Ustawienia.ProgZmianyProcent
		}
	}

	// The definition and the period.
	unconfirmed := 0
	for _, s := range f.Form.Sections {
		for _, r := range s.Rows {
			if r.Status != Confirmed {
				unconfirmed++
			}
		}
	}
	if unconfirmed > 0 {
		add(model.Warning, CheckForm, f.Form.Source,
			"liczba wierszy definicji formularza nieporównanych z rozporządzeniem (status „niepotwierdzony”): %d; przed przepisaniem danych do CAS porównaj numerację i opisy tych wierszy z formularzem w CAS",
			unconfirmed)
	}
	if f.Period.Kind != model.HalfYear {
		add(model.Error, CheckPeriod, "okres", "dane nie dotyczą półrocza (okres %s – %s), a sprawozdanie CAS składa się za półrocze", plfmt.DateISO(f.Period.From), plfmt.DateISO(f.Period.To))
	}

	// Cells.
	for _, fs := range f.Sections {
		for _, fr := range fs.Rows {
			for ci, c := range fr.Cells {
				if c.X {
					continue
				}
				place := Place(fs.Section, fr.Row, ci+1)
				for _, code := range c.Text {
					add(model.Error, CheckWhole, place, "wskaźnik %s ma wartość tekstową, a komórka wymaga liczby całkowitej", code)
				}
				for _, code := range c.WrongUnit {
					if c.Column.Unit == Money {
						add(model.Error, CheckUnit, place, "wskaźnik %s nie jest kwotą, a kolumna „%s” wymaga kwoty w złotych", code, c.Column.Header)
					} else {
						add(model.Error, CheckWhole, place, "wskaźnik %s jest kwotą w groszach, a kolumna „%s” wymaga liczby całkowitej (osób, rodzin, placówek, miejsc)", code, c.Column.Header)
					}
				}
				if len(c.Missing) > 0 {
					add(model.Warning, CheckMissing, place, "brak danych (brak wartości wskaźnika %s): uzupełnij przed wpisaniem do CAS; brak danych to nie 0", strings.Join(c.Missing, ", "))
				}
				if v := c.Value; v != nil && *v < 0 {
					add(model.Error, CheckNegative, place, "wartość ujemna (%s), a sprawozdanie przyjmuje tylko wartości nieujemne", show(c))
				}
			}
			out = append(out, checkColumns(fs.Section, fr)...)
		}
		out = append(out, checkRelations(fs)...)
	}

	// Facts the Set reports.
	if f.Set != nil {
		days, _ := f.Set.Value("asysta.limit_przekroczony")
		cases := 0
		for _, fd := range f.Set.Findings {
			if strings.HasPrefix(fd.Check, "asysta.limit") {
				cases++
			}
		}
		if days > 0 || cases > 0 {
			what := ""
			if days > 0 {
				what = fmt.Sprintf("przez %s półrocza", plural(int(days), "dzień", "dni", "dni"))
			} else {
				what = "w półroczu"
			}
			add(model.Warning, CheckCaseload, findPlace(f, "asysta.rodziny", "Dział A"),
				"%s asystent rodziny pracował z większą liczbą rodzin, niż dopuszcza limit %d (%s); wyjaśnij to przed złożeniem sprawozdania – szczegóły w ustaleniach asysta.limit (%d)",
				what, limit, caseloadLaw, cases)
		}
		if n, ok := f.Set.Value("piecza.udzial_niezgodny"); ok && n > 0 {
			add(model.Warning, CheckShare, findPlace(f, "piecza.koszt", "Dział D"),
				"%s za pobyt dziecka w pieczy zastępczej naliczono według innego udziału gminy niż należny (10/30/50 %% według roku pobytu); sprawdź noty obciążeniowe powiatu przed złożeniem sprawozdania",
				plural(int(n), "obciążenie", "obciążenia", "obciążeń"))
		}
	}

	// Against the same half of last year.
	if prev != nil {
		pf := Compute(f.Form, prev)
		for si, fs := range f.Sections {
			for ri, fr := range fs.Rows {
				for ci, c := range fr.Cells {
					// The exact values (grosze for money) under the rule every
					// comparison of gpwr uses (render/compare/yoy).
					now, was := c.Value, pf.Sections[si].Rows[ri].Cells[ci].Value
					if now == nil || was == nil {
						continue
					}
					pct, defined, flagged := yoy.Judge(*was, *now, c.Column.Unit == Money, threshold)
					if !flagged {
						continue
					}
					shownNow, shownWas := c.Shown(), pf.Sections[si].Rows[ri].Cells[ci].Shown()
					change := "wzrost od zera"
					if defined {
						change = "zmiana " + plfmt.SignedPercent(pct, 1)
					}
					add(model.Warning, CheckChange, Place(fs.Section, fr.Row, ci+1),
						"%s wobec %s w tym samym półroczu %d r. (%s, próg %s): sprawdź, czy to nie błąd danych",
						fmtUnit(*shownNow, c.Column.Unit), fmtUnit(*shownWas, c.Column.Unit), prev.Period.Year, change, yoy.ThresholdText(threshold))
				}
			}
		}
	}

	// Deadline.
	if !today.IsZero() && f.Period.Kind == model.HalfYear {
		deadline := Deadline(f.Period)
		left := int(deadline.Sub(today.Time).Hours() / 24)
		dl := plfmt.DateISO(deadline)
		switch {
		case today.Before(f.Period.To.Time) || today.Equal(f.Period.To.Time):
			add(model.Warning, CheckDeadline, "termin", "półrocze trwa do %s: dane na dziś (%s) są niepełne; sprawozdanie złóż w CAS do %s", plfmt.DateISO(f.Period.To), plfmt.DateISO(today), dl)
		case left < 0:
			add(model.Warning, CheckDeadline, "termin", "termin złożenia sprawozdania w CAS upłynął %s (%s temu)", dl, plural(-left, "dzień", "dni", "dni"))
		case left == 0:
			add(model.Warning, CheckDeadline, "termin", "dziś (%s) mija termin złożenia sprawozdania w CAS", dl)
		default:
			add(model.Warning, CheckDeadline, "termin", "termin złożenia sprawozdania w CAS: %s (%s %s)", dl, remain(left), plural(left, "dzień", "dni", "dni"))
		}
	}
	return out
}

// checkRelations runs the "z tego" and "w tym" rules of one section.
func checkRelations(fs FilledSection) []model.Finding {
	var out []model.Finding
	sec := fs.Section
	for pi, parent := range fs.Rows {
		for ci := range sec.Columns {
			pc := parent.Cells[ci]
			var kids []FilledRow
			for _, child := range fs.Rows {
				if child.Row.Parent != pi || child.Row.Relations[ci] == NoRelation {
					continue
				}
				cc := child.Cells[ci]
				if child.Row.Relations[ci] == Including {
					pv, cv := pc.Shown(), cc.Shown()
					if pv != nil && cv != nil && *cv > *pv {
						out = append(out, model.Finding{Severity: model.Error, Check: CheckIncluding, Place: Place(sec, child.Row, ci+1),
							Message: fmt.Sprintf("wiersz %s (%s) jest większy niż wiersz %s (%s), choć jest jego częścią („w tym”)",
								child.Row.Lp, show(cc), parent.Row.Lp, show(pc))})
					}
					continue
				}
				kids = append(kids, child)
			}
			if len(kids) == 0 || pc.Shown() == nil {
				continue
			}
			var sumShown, sumExact int64
			complete := true
			for _, k := range kids {
				cc := k.Cells[ci]
				if cc.X {
					continue
				}
				if cc.Shown() == nil {
					complete = false
					break
				}
				sumShown += *cc.Shown()
				sumExact += *cc.Value
			}
			if !complete {
				continue
			}
			if sumShown == *pc.Shown() {
				continue
			}
			names := lpRange(kids)
			col := sec.Columns[ci]
			diff := *pc.Shown() - sumShown
			if col.Unit == Money && sumExact == *pc.Value {
				out = append(out, model.Finding{Severity: model.Warning, Check: CheckRounding, Place: Place(sec, parent.Row, ci+1),
					Message: fmt.Sprintf("po zaokrągleniu do pełnych złotych suma wierszy „z tego” %s (%s) różni się od wiersza %s (%s) o %s, choć kwoty w groszach się zgadzają; przed wpisaniem do CAS popraw o tę różnicę jeden z wierszy",
						names, fmtUnit(sumShown, Money), parent.Row.Lp, show(pc), fmtUnit(abs(diff), Money))})
				continue
			}
			out = append(out, model.Finding{Severity: model.Error, Check: CheckOf, Place: Place(sec, parent.Row, ci+1),
				Message: fmt.Sprintf("wiersz %s (%s) nie jest równy sumie wierszy „z tego” %s (%s); różnica %s",
					parent.Row.Lp, show(pc), names, fmtUnit(sumShown, col.Unit), fmtSigned(diff, col.Unit))})
		}
	}
	return out
}

// checkColumns runs the "ogółem = sum of columns" rule on one row.
func checkColumns(sec *Section, fr FilledRow) []model.Finding {
	var out []model.Finding
	for ci, col := range sec.Columns {
		if len(col.SumOf) == 0 || fr.Cells[ci].Shown() == nil {
			continue
		}
		var sumShown, sumExact int64
		complete := true
		var nums []string
		for _, n := range col.SumOf {
			nums = append(nums, strconv.Itoa(n))
			c := fr.Cells[n-1]
			if c.X {
				continue
			}
			if c.Shown() == nil {
				complete = false
				break
			}
			sumShown += *c.Shown()
			sumExact += *c.Value
		}
		tot := fr.Cells[ci]
		if !complete || sumShown == *tot.Shown() {
			continue
		}
		diff := *tot.Shown() - sumShown
		if col.Unit == Money && sumExact == *tot.Value {
			out = append(out, model.Finding{Severity: model.Warning, Check: CheckRounding, Place: Place(sec, fr.Row, ci+1),
				Message: fmt.Sprintf("po zaokrągleniu do pełnych złotych suma kolumn %s (%s) różni się od kolumny %d (%s) o %s, choć kwoty w groszach się zgadzają; przed wpisaniem do CAS popraw o tę różnicę jedną z kolumn",
					strings.Join(nums, ", "), fmtUnit(sumShown, Money), col.No, show(tot), fmtUnit(abs(diff), Money))})
			continue
		}
		out = append(out, model.Finding{Severity: model.Error, Check: CheckColumns, Place: Place(sec, fr.Row, ci+1),
			Message: fmt.Sprintf("kolumna %d (%s) nie jest równa sumie kolumn %s (%s); różnica %s",
				col.No, show(tot), strings.Join(nums, ", "), fmtUnit(sumShown, col.Unit), fmtSigned(diff, col.Unit))})
	}
	return out
}

// findPlace names the first cell filled with exactly code.
func findPlace(f *Filled, code, fallback string) string {
	for _, s := range f.Form.Sections {
		for _, r := range s.Rows {
			for ci, c := range r.Cells {
				if len(c.Codes) == 1 && c.Codes[0] == code {
					return Place(s, r, ci+1)
				}
			}
		}
	}
	return fallback
}

func lpRange(rows []FilledRow) string {
	switch len(rows) {
	case 1:
		return rows[0].Row.Lp
	case 2:
		return rows[0].Row.Lp + " i " + rows[1].Row.Lp
	}
	return rows[0].Row.Lp + "–" + rows[len(rows)-1].Row.Lp
}

func abs(v int64) int64 {
	if v < 0 {
		return -v
	}
	return v
}

// show prints a cell's shown value with its unit, or "brak danych" / "X".
func show(c Cell) string {
	if c.X {
		return "X"
	}
	v := c.Shown()
	if v == nil {
		return plfmt.BrakDanych
	}
	u := Count
	if c.Column != nil {
		u = c.Column.Unit
	}
	return fmtUnit(*v, u)
}

// fmtUnit prints a value as the form shows it: money in whole złoty.
func fmtUnit(v int64, u Unit) string { return plfmt.Int(v) + unitSuffix(u) }

// fmtSigned prints a difference with its sign: "+100 zł", "−1".
func fmtSigned(v int64, u Unit) string { return plfmt.Signed(v) + unitSuffix(u) }

func unitSuffix(u Unit) string {
	if u == Money {
		return plfmt.NBSP + "zł"
	}
	return ""
}

// remain is the verb "zostać" agreeing with n days: "został 1 dzień",
// "zostały 2 dni", "zostało 5 dni".
func remain(n int) string {
	return plfmt.Plural(int64(n), "został", "zostały", "zostało")
}

// plural agrees a Polish noun with n: plural(5, "rodzina", "rodziny", "rodzin") = "5 rodzin".
func plural(n int, one, few, many string) string {
	return plfmt.Count(int64(n), one, few, many)
}
