package samplegen

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
)

// Table is one table of DATA-CONTRACT.md §1: its file name and header.
type Table struct {
	Name    string
	Columns []string
}

// Tables lists the contract's tables in the contract's order, with the
// columns in the contract's order.
var Tables = []Table{
	{"families", []string{"id", "locality", "single_parent"}},
	{"persons", []string{"id", "family_id", "birth_date", "role"}},
	{"assistants", []string{"id", "employment", "fte", "employed_from", "employed_to"}},
	{"assistant_cases", []string{"id", "family_id", "assistant_id", "started_on", "ended_on", "end_reason", "court_ordered", "za_zyciem"}},
	{"day_centres", []string{"id", "name", "form", "run_by", "places", "opened_on", "closed_on"}},
	{"day_centre_attendance", []string{"centre_id", "person_id", "from_date", "to_date"}},
	{"supporting_families", []string{"id", "agreement_from", "agreement_to"}},
	{"supporting_family_cases", []string{"supporting_family_id", "family_id", "from_date", "to_date"}},
	{"foster_children", []string{"person_id", "first_placed_on"}},
	{"foster_placements", []string{"person_id", "form", "from_date", "to_date"}},
	{"foster_charges", []string{"id", "person_id", "service_month", "share_pct", "amount_gr", "paid_on"}},
	{"benefit_kinds", []string{"code", "label", "category", "sort_order"}},
	{"benefits", []string{"id", "kind", "family_id", "paid_on", "amount_gr"}},
	{"social_work", []string{"family_id", "from_date", "to_date"}},
	{"expenditures", []string{"id", "task", "source", "spent_on", "amount_gr", "note"}},
	{"trainings", []string{"id", "assistant_id", "title", "organiser", "held_on", "cost_gr", "paid_by"}},
	{"activities", []string{"id", "kind", "held_on", "participants", "title"}},
	{"blue_card_procedures", []string{"id", "family_id", "opened_on", "closed_on", "children_involved"}},
	{"blue_card_forms", []string{"procedure_id", "filed_on", "filed_by"}},
}

// Count is the number of data rows written to one table.
type Count struct {
	Table string
	Rows  int64
}

// Generate writes one CSV per contract table into dir (created if needed).
// The files are written under temporary names and renamed only when all of
// them are complete.
func Generate(dir string, p Params) error {
	_, err := Run(dir, p)
	return err
}

// Run is Generate that also returns the row count of every table.
func Run(dir string, p Params) ([]Count, error) {
	w, err := newWorld(p)
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("nie można utworzyć katalogu %s: %w", dir, err)
	}
	var counts []Count
	var tmps []string
	defer func() {
		for _, t := range tmps {
			os.Remove(t)
		}
	}()
	for _, t := range Tables {
		tmp := filepath.Join(dir, "."+t.Name+".csv.tmp")
		tmps = append(tmps, tmp)
		n, err := writeTable(tmp, t, w)
		if err != nil {
			return nil, fmt.Errorf("nie można zapisać pliku %s.csv w %s: %w", t.Name, dir, err)
		}
		counts = append(counts, Count{t.Name, n})
	}
	for i, t := range Tables {
		if err := os.Rename(tmps[i], filepath.Join(dir, t.Name+".csv")); err != nil {
			return nil, fmt.Errorf("nie można zapisać pliku %s.csv w %s: %w", t.Name, dir, err)
		}
	}
	tmps = nil
	return counts, nil
}

func writeTable(path string, t Table, w *world) (int64, error) {
	f, err := os.Create(path)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	bw := bufio.NewWriterSize(f, 1<<16)
	cw := csv.NewWriter(bw)
	if err := cw.Write(t.Columns); err != nil {
		return 0, err
	}
	var n int64
	rec := make([]string, len(t.Columns))
	emit := func(fields ...string) {
		copy(rec, fields)
		cw.Write(rec) // errors are sticky; checked by cw.Error below
		n++
	}
	w.rows(t.Name, emit)
	cw.Flush()
	if err := cw.Error(); err != nil {
		return n, err
	}
	if err := bw.Flush(); err != nil {
		return n, err
	}
	return n, f.Close()
}

func boolStr(b bool) string {
	if b {
		return "true"
	}
	return "false"
}

func itoa(i int) string { return strconv.Itoa(i) }
func gr(a int64) string { return strconv.FormatInt(a, 10) }

// optInt and optGr write a negative number as NULL.
func optInt(i int) string {
	if i < 0 {
		return ""
	}
	return itoa(i)
}

func optGr(a int64) string {
	if a < 0 {
		return ""
	}
	return gr(a)
}

func (w *world) asstID(i int) string {
	if i < 0 {
		return ""
	}
	return w.assistants[i].id
}

// rows emits the rows of table name.
func (w *world) rows(name string, emit func(...string)) {
	switch name {
	case "families":
		for i, f := range w.fams {
			emit(famID(i), f.locality, f.single)
		}
	case "persons":
		for i, f := range w.fams {
			id := famID(i)
			for k, p := range f.persons {
				emit(personID(f.first+k), id, p.birth.String(), roleNames[p.role])
			}
		}
	case "assistants":
		for _, a := range w.assistants {
			emit(a.id, a.employment, a.fte, a.from.String(), a.to.String())
		}
	case "assistant_cases":
		for _, c := range w.cases {
			emit(c.id, famID(c.fam), w.assistants[c.asst].id, c.from.String(), c.to.String(), c.reason, boolStr(c.court), boolStr(c.zz))
		}
	case "day_centres":
		for _, c := range w.centres {
			emit(c.id, c.name, c.form, c.runBy, itoa(c.places), c.opened.String(), c.closed.String())
		}
	case "day_centre_attendance":
		for _, a := range w.attendance {
			emit(w.centres[a.centre].id, personID(a.person), a.from.String(), a.to.String())
		}
	case "supporting_families":
		for _, s := range w.supFams {
			emit(s.id, s.from.String(), s.to.String())
		}
	case "supporting_family_cases":
		for _, c := range w.supCases {
			emit(w.supFams[c.sf].id, famID(c.fam), c.from.String(), c.to.String())
		}
	case "foster_children":
		for _, fc := range w.foster {
			emit(personID(fc.person), fc.firstPlaced.String())
		}
	case "foster_placements":
		for _, fc := range w.foster {
			for _, pl := range fc.placements {
				emit(personID(fc.person), pl.form, pl.from.String(), pl.to.String())
			}
		}
	case "foster_charges":
		for _, c := range w.charges {
			emit(c.id, personID(c.person), c.service.String(), itoa(c.share), gr(c.amount), c.paid.String())
		}
	case "benefit_kinds":
		for _, k := range benefitKinds {
			emit(k.code, k.label, k.category, itoa(k.sort))
		}
	case "benefits":
		w.writeBenefits(emit)
	case "social_work":
		for _, s := range w.socialWork {
			emit(famID(s.fam), s.from.String(), s.to.String())
		}
	case "expenditures":
		for _, e := range w.expenditure {
			emit(e.id, e.task, e.source, e.spent.String(), gr(e.amount), e.note)
		}
	case "trainings":
		for _, t := range w.trainings {
			emit(t.id, w.asstID(t.asst), t.title, t.organiser, t.held.String(), optGr(t.cost), t.paidBy)
		}
	case "activities":
		for _, a := range w.activities {
			emit(a.id, a.kind, a.held.String(), optInt(a.participants), a.title)
		}
	case "blue_card_procedures":
		for _, p := range w.procedures {
			emit(p.id, famID(p.fam), p.opened.String(), p.closed.String(), boolStr(p.children))
		}
	case "blue_card_forms":
		for _, p := range w.procedures {
			for _, f := range p.forms {
				emit(p.id, f.filed.String(), f.by)
			}
		}
	default:
		panic("samplegen: no rows for table " + name)
	}
}

// writeBenefits streams benefits year by year; ids are "S" and eight digits.
func (w *world) writeBenefits(emit func(...string)) {
	dates := make([]string, int(w.end-w.start)+1)
	for d := w.start; d <= w.end; d++ {
		dates[d-w.start] = d.String()
	}
	famIDs := make([]string, len(w.fams))
	for i := range w.fams {
		famIDs[i] = famID(i)
	}
	id := []byte("S00000000")
	for y := w.p.FirstYear; y <= w.p.LastYear; y++ {
		w.benefitsOfYear(y, func(b benefitRow) {
			for i := len(id) - 1; i > 0; i-- { // increment the decimal id in place
				if id[i] < '9' {
					id[i]++
					break
				}
				id[i] = '0'
			}
			fam := ""
			if b.fam >= 0 {
				fam = famIDs[b.fam]
			}
			emit(string(id), b.kind, fam, dates[b.paid-w.start], gr(b.amount))
		})
	}
}
