package samplegen

import (
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

// This file checks the generated data against DATA-CONTRACT.md §1 in Go,
// independently of the loader: headers, NOT NULL, codes, dates, foreign
// ids, end ≥ start, amounts ≥ 0, and the planted edge cases.

type tbl struct {
	name string
	cols []string
	rows [][]string
}

func (t *tbl) col(name string) int {
	i := slices.Index(t.cols, name)
	if i < 0 {
		panic("no column " + name)
	}
	return i
}

// get returns the values of the named columns of row r.
func (t *tbl) get(r []string, names ...string) []string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = r[t.col(n)]
	}
	return out
}

func loadDir(t *testing.T, dir string) map[string]*tbl {
	t.Helper()
	out := map[string]*tbl{}
	for _, spec := range Tables {
		f, err := os.Open(filepath.Join(dir, spec.Name+".csv"))
		if err != nil {
			t.Fatal(err)
		}
		recs, err := csv.NewReader(f).ReadAll()
		f.Close()
		if err != nil {
			t.Fatalf("%s.csv: %v", spec.Name, err)
		}
		if !slices.Equal(recs[0], spec.Columns) {
			t.Fatalf("%s.csv: header %v, want %v", spec.Name, recs[0], spec.Columns)
		}
		out[spec.Name] = &tbl{spec.Name, recs[0], recs[1:]}
	}
	return out
}

type colRule struct {
	null bool
	kind string // id, text, date, bool, int, code
	ref  string // table.column it refers to
	vals []string
}

var contract = map[string]map[string]colRule{
	"families":                {"id": {kind: "id"}, "locality": {null: true, kind: "code", vals: []string{"urban", "rural"}}, "single_parent": {null: true, kind: "bool"}},
	"persons":                 {"id": {kind: "id"}, "family_id": {ref: "families.id"}, "birth_date": {kind: "date"}, "role": {kind: "code", vals: []string{"parent", "child", "other"}}},
	"assistants":              {"id": {kind: "id"}, "employment": {kind: "code", vals: []string{"task_time_contract", "service_contract", "other"}}, "fte": {null: true, kind: "num"}, "employed_from": {kind: "date"}, "employed_to": {null: true, kind: "date"}},
	"assistant_cases":         {"id": {kind: "id"}, "family_id": {ref: "families.id"}, "assistant_id": {ref: "assistants.id"}, "started_on": {kind: "date"}, "ended_on": {null: true, kind: "date"}, "end_reason": {null: true, kind: "code", vals: []string{"goals_achieved", "family_withdrew", "no_effect", "other"}}, "court_ordered": {kind: "bool"}, "za_zyciem": {kind: "bool"}},
	"day_centres":             {"id": {kind: "id"}, "name": {kind: "text"}, "form": {kind: "code", vals: []string{"care", "specialist", "street", "mixed"}}, "run_by": {kind: "code", vals: []string{"gmina", "commissioned"}}, "places": {kind: "int"}, "opened_on": {kind: "date"}, "closed_on": {null: true, kind: "date"}},
	"day_centre_attendance":   {"centre_id": {ref: "day_centres.id"}, "person_id": {ref: "persons.id"}, "from_date": {kind: "date"}, "to_date": {null: true, kind: "date"}},
	"supporting_families":     {"id": {kind: "id"}, "agreement_from": {kind: "date"}, "agreement_to": {null: true, kind: "date"}},
	"supporting_family_cases": {"supporting_family_id": {ref: "supporting_families.id"}, "family_id": {ref: "families.id"}, "from_date": {kind: "date"}, "to_date": {null: true, kind: "date"}},
	"foster_children":         {"person_id": {kind: "id", ref: "persons.id"}, "first_placed_on": {kind: "date"}},
	"foster_placements":       {"person_id": {ref: "foster_children.person_id"}, "form": {kind: "code", vals: []string{"kinship_family", "non_professional_family", "professional_family", "family_home", "care_institution", "therapeutic_institution", "pre_adoption_centre"}}, "from_date": {kind: "date"}, "to_date": {null: true, kind: "date"}},
	"foster_charges":          {"id": {kind: "id"}, "person_id": {ref: "foster_children.person_id"}, "service_month": {kind: "date"}, "share_pct": {kind: "code", vals: []string{"10", "30", "50"}}, "amount_gr": {kind: "int"}, "paid_on": {kind: "date"}},
	"benefit_kinds":           {"code": {kind: "id"}, "label": {kind: "text"}, "category": {kind: "code", vals: []string{"family_benefit", "social_assistance", "alimony_fund", "other"}}, "sort_order": {kind: "int"}},
	"benefits":                {"id": {kind: "id"}, "kind": {ref: "benefit_kinds.code"}, "family_id": {null: true, ref: "families.id"}, "paid_on": {kind: "date"}, "amount_gr": {kind: "int"}},
	"social_work":             {"family_id": {ref: "families.id"}, "from_date": {kind: "date"}, "to_date": {null: true, kind: "date"}},
	"expenditures":            {"id": {kind: "id"}, "task": {kind: "code", vals: []string{"assistant", "assistant_training", "day_centre", "supporting_family", "foster_care", "other"}}, "source": {kind: "code", vals: []string{"gmina", "state_budget", "eu", "other"}}, "spent_on": {kind: "date"}, "amount_gr": {kind: "int"}, "note": {null: true, kind: "text"}},
	"trainings":               {"id": {kind: "id"}, "assistant_id": {null: true, ref: "assistants.id"}, "title": {kind: "text"}, "organiser": {kind: "text"}, "held_on": {kind: "date"}, "cost_gr": {null: true, kind: "int"}, "paid_by": {kind: "code", vals: []string{"ops", "free", "other"}}},
	"activities":              {"id": {kind: "id"}, "kind": {kind: "text"}, "held_on": {kind: "date"}, "participants": {null: true, kind: "int"}, "title": {kind: "text"}},
	"blue_card_procedures":    {"id": {kind: "id"}, "family_id": {ref: "families.id"}, "opened_on": {kind: "date"}, "closed_on": {null: true, kind: "date"}, "children_involved": {kind: "bool"}},
	"blue_card_forms":         {"procedure_id": {ref: "blue_card_procedures.id"}, "filed_on": {kind: "date"}, "filed_by": {kind: "code", vals: []string{"police", "ops", "education", "health", "gkrpa", "other"}}},
}

// spans are the (start, end) column pairs where end must not be before start.
var spans = map[string][2]string{
	"assistants":              {"employed_from", "employed_to"},
	"assistant_cases":         {"started_on", "ended_on"},
	"day_centres":             {"opened_on", "closed_on"},
	"day_centre_attendance":   {"from_date", "to_date"},
	"supporting_families":     {"agreement_from", "agreement_to"},
	"supporting_family_cases": {"from_date", "to_date"},
	"foster_placements":       {"from_date", "to_date"},
	"social_work":             {"from_date", "to_date"},
	"blue_card_procedures":    {"opened_on", "closed_on"},
}

var dateRe = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)

func pdate(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

// validate returns every contract violation found in the tables.
func validate(db map[string]*tbl, p Params) []string {
	var errs []string
	bad := func(t string, line int, format string, a ...any) {
		if len(errs) < 50 {
			errs = append(errs, fmt.Sprintf("%s.csv:%d: %s", t, line+2, fmt.Sprintf(format, a...)))
		}
	}
	keys := map[string]map[string]bool{}
	for name, rules := range contract {
		t := db[name]
		for c, r := range rules {
			if r.kind == "id" {
				set := map[string]bool{}
				for i, row := range t.rows {
					v := row[t.col(c)]
					if set[v] {
						bad(name, i, "%s %q powtórzony", c, v)
					}
					set[v] = true
				}
				keys[name+"."+c] = set
			}
		}
	}
	first, last := fmt.Sprint(p.FirstYear), fmt.Sprint(p.LastYear)
	for name, rules := range contract {
		t := db[name]
		if len(rules) != len(t.cols) {
			errs = append(errs, name+": the test's rules do not cover every column")
		}
		for i, row := range t.rows {
			if len(row) != len(t.cols) {
				bad(name, i, "%d pól", len(row))
				continue
			}
			for c, r := range rules {
				v := row[t.col(c)]
				if v == "" {
					if !r.null {
						bad(name, i, "%s pusty", c)
					}
					continue
				}
				if strings.TrimSpace(v) != v {
					bad(name, i, "%s ze spacjami: %q", c, v)
				}
				switch r.kind {
				case "date":
					if !dateRe.MatchString(v) {
						bad(name, i, "%s: zła data %q", c, v)
					} else if _, err := time.Parse("2006-01-02", v); err != nil {
						bad(name, i, "%s: zła data %q", c, v)
					}
				case "bool":
					if v != "true" && v != "false" {
						bad(name, i, "%s: %q nie jest true/false", c, v)
					}
				case "int":
					if n, err := strconv.ParseInt(v, 10, 64); err != nil || n < 0 {
						bad(name, i, "%s: %q nie jest liczbą ≥ 0", c, v)
					}
				case "num":
					if f, err := strconv.ParseFloat(v, 64); err != nil || f <= 0 || f > 1 {
						bad(name, i, "%s: %q", c, v)
					}
				case "code":
					if !slices.Contains(r.vals, v) {
						bad(name, i, "%s: kod %q spoza listy", c, v)
					}
				}
				if r.ref != "" && !keys[r.ref][v] {
					bad(name, i, "%s: %q nie istnieje w %s", c, v, r.ref)
				}
			}
			if s, ok := spans[name]; ok {
				a, b := row[t.col(s[0])], row[t.col(s[1])]
				if b != "" && b < a {
					bad(name, i, "%s %s przed %s %s", s[1], b, s[0], a)
				}
			}
		}
	}
	// end_reason iff ended_on
	ac := db["assistant_cases"]
	for i, r := range ac.rows {
		v := ac.get(r, "ended_on", "end_reason")
		if (v[0] == "") != (v[1] == "") {
			bad(ac.name, i, "end_reason %q przy ended_on %q", v[1], v[0])
		}
	}
	// service_month the first of a month; paid in the month after; inside the years
	fc := db["foster_charges"]
	for i, r := range fc.rows {
		v := fc.get(r, "service_month", "paid_on")
		sm, pd := pdate(v[0]), pdate(v[1])
		if sm.Day() != 1 {
			bad(fc.name, i, "service_month %s nie jest pierwszym dniem miesiąca", v[0])
		}
		if pd.Year()*12+int(pd.Month()) != sm.Year()*12+int(sm.Month())+1 {
			bad(fc.name, i, "paid_on %s nie w miesiącu po %s", v[1], v[0])
		}
		if v[1][:4] < first || v[1][:4] > last {
			bad(fc.name, i, "paid_on %s poza latami", v[1])
		}
	}
	for _, name := range []string{"benefits", "expenditures", "trainings", "activities"} {
		t := db[name]
		c := map[string]string{"benefits": "paid_on", "expenditures": "spent_on", "trainings": "held_on", "activities": "held_on"}[name]
		for i, r := range t.rows {
			if y := r[t.col(c)][:4]; y < first || y > last {
				bad(name, i, "%s poza latami", c)
			}
		}
	}
	// persons: children born after parents; attendance and placements of born persons
	birth := map[string]string{}
	for _, r := range db["persons"].rows {
		birth[r[0]] = r[2]
	}
	for i, r := range db["day_centre_attendance"].rows {
		if r[2] < birth[r[1]] {
			bad("day_centre_attendance", i, "przed urodzeniem")
		}
	}
	for i, r := range db["foster_children"].rows {
		if r[1] < birth[r[0]] {
			bad("foster_children", i, "umieszczenie przed urodzeniem")
		}
	}
	firstPlaced := map[string]string{}
	for _, r := range db["foster_children"].rows {
		firstPlaced[r[0]] = r[1]
	}
	for i, r := range db["foster_placements"].rows {
		if r[2] < firstPlaced[r[0]] {
			bad("foster_placements", i, "umieszczenie przed first_placed_on")
		}
	}
	// a supporting family's cases inside its agreement
	agr := map[string][2]string{}
	for _, r := range db["supporting_families"].rows {
		agr[r[0]] = [2]string{r[1], r[2]}
	}
	for i, r := range db["supporting_family_cases"].rows {
		a := agr[r[0]]
		if r[2] < a[0] || (a[1] != "" && (r[3] == "" || r[3] > a[1])) {
			bad("supporting_family_cases", i, "poza okresem umowy %v", a)
		}
	}
	return errs
}

func TestGeneratedDataFollowsContract(t *testing.T) {
	for _, tc := range []struct {
		name string
		p    Params
	}{
		{"demo", Demo()},
		{"other seed, bigger", func() Params {
			p := Demo()
			p.Seed, p.Families, p.ClientFamilies, p.Assistants, p.DayCentres, p.SupportingFamilies, p.FosterChildren = 7, 3000, 1500, 9, 4, 6, 30
			p.FirstYear, p.BenefitsPerYear = 2020, 9000
			return p
		}()},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			if err := Generate(dir, tc.p); err != nil {
				t.Fatal(err)
			}
			db := loadDir(t, dir)
			for _, e := range validate(db, tc.p) {
				t.Error(e)
			}
			if n := len(db["families"].rows); n != tc.p.Families {
				t.Errorf("families: %d rows, want %d", n, tc.p.Families)
			}
			years := tc.p.LastYear - tc.p.FirstYear + 1
			if n, want := len(db["benefits"].rows), tc.p.BenefitsPerYear*years; n < want*9/10 || n > want*11/10 {
				t.Errorf("benefits: %d rows, want about %d", n, want)
			}
		})
	}
}

func TestValidatorFindsViolations(t *testing.T) {
	dir := t.TempDir()
	if err := Generate(dir, Demo()); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		table string
		row   int
		col   string
		val   string
		want  string
	}{
		{"persons", 0, "family_id", "R999999", "nie istnieje"},
		{"assistant_cases", 0, "ended_on", "2023-12-31", "przed"},
		{"assistant_cases", 4, "end_reason", "goals_achieved", "end_reason"},
		{"foster_charges", 0, "share_pct", "20", "spoza listy"},
		{"foster_charges", 0, "service_month", "2021-12-02", "pierwszym dniem"},
		{"benefits", 0, "kind", "zasilek_nieznany", "nie istnieje"},
		{"benefits", 0, "amount_gr", "-5", "liczbą ≥ 0"},
		{"families", 0, "single_parent", "tak", "true/false"},
	} {
		db := loadDir(t, dir)
		tb := db[tc.table]
		tb.rows[tc.row][tb.col(tc.col)] = tc.val
		errs := validate(db, Demo())
		if len(errs) == 0 || !strings.Contains(strings.Join(errs, "\n"), tc.want) {
			t.Errorf("%s.%s = %q: errors %v, want one with %q", tc.table, tc.col, tc.val, errs, tc.want)
		}
	}
}
