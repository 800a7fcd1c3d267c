package samplegen

import (
	"flag"
	"fmt"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"
)

var printStats = flag.Bool("stats", false, "print per-year figures of the demo profile")

type period struct{ from, to string }

func yearP(y int) period { return period{fmt.Sprintf("%d-01-01", y), fmt.Sprintf("%d-12-31", y)} }
func halfP(y, h int) period {
	if h == 1 {
		return period{fmt.Sprintf("%d-01-01", y), fmt.Sprintf("%d-06-30", y)}
	}
	return period{fmt.Sprintf("%d-07-01", y), fmt.Sprintf("%d-12-31", y)}
}

// active: starts on or before the last day and has not ended before the first.
func (p period) active(from, to string) bool { return from <= p.to && (to == "" || to >= p.from) }
func (p period) has(d string) bool           { return p.from <= d && d <= p.to }

func isChild(birth, day string) bool {
	b := pdate(birth)
	return birth <= day && day < b.AddDate(18, 0, 0).Format("2006-01-02")
}

type demoDB struct {
	db       map[string]*tbl
	birth    map[string]string
	famOf    map[string]string
	members  map[string][]string
	single   map[string]string
	firstPl  map[string]string
	category map[string]string
}

func newDemoDB(t *testing.T) *demoDB {
	dir := t.TempDir()
	if err := Generate(dir, Demo()); err != nil {
		t.Fatal(err)
	}
	d := &demoDB{db: loadDir(t, dir), birth: map[string]string{}, famOf: map[string]string{}, members: map[string][]string{}, single: map[string]string{}, firstPl: map[string]string{}, category: map[string]string{}}
	for _, r := range d.db["persons"].rows {
		d.birth[r[0]], d.famOf[r[0]] = r[2], r[1]
		d.members[r[1]] = append(d.members[r[1]], r[0])
	}
	for _, r := range d.db["families"].rows {
		d.single[r[0]] = r[2]
	}
	for _, r := range d.db["foster_children"].rows {
		d.firstPl[r[0]] = r[1]
	}
	for _, r := range d.db["benefit_kinds"].rows {
		d.category[r[0]] = r[2]
	}
	return d
}

// caseFamilies is asysta.rodziny (and, with pred, its variants).
func (d *demoDB) caseFamilies(p period, pred func(r []string) bool) map[string]bool {
	out := map[string]bool{}
	for _, r := range d.db["assistant_cases"].rows {
		if p.active(r[3], r[4]) && (pred == nil || pred(r)) {
			out[r[1]] = true
		}
	}
	return out
}

// caseChildren is asysta.dzieci: members who were children on the first day in P on which their family's case was active.
func (d *demoDB) caseChildren(p period) int {
	firstDay := map[string]string{}
	for _, r := range d.db["assistant_cases"].rows {
		if p.active(r[3], r[4]) {
			day := max(r[3], p.from)
			if f, ok := firstDay[r[1]]; !ok || day < f {
				firstDay[r[1]] = day
			}
		}
	}
	n := 0
	for fam, day := range firstDay {
		for _, m := range d.members[fam] {
			if isChild(d.birth[m], day) {
				n++
			}
		}
	}
	return n
}

// overLimit is asysta.limit_przekroczony: days in P with some assistant above limit, and the findings.
func (d *demoDB) overLimit(p period, limit int) (int, []string) {
	days := 0
	var findings []string
	inRun := map[string]bool{}
	for day := pdate(p.from); day.Format("2006-01-02") <= p.to; day = day.AddDate(0, 0, 1) {
		ds := day.Format("2006-01-02")
		load := map[string]int{}
		for _, r := range d.db["assistant_cases"].rows {
			if r[3] <= ds && (r[4] == "" || r[4] >= ds) {
				load[r[2]]++
			}
		}
		over := false
		for a := range inRun {
			if load[a] <= limit {
				delete(inRun, a)
			}
		}
		var as []string
		for a := range load {
			as = append(as, a)
		}
		sort.Strings(as)
		for _, a := range as {
			if load[a] > limit {
				over = true
				if !inRun[a] {
					findings = append(findings, fmt.Sprintf("%s from %s: %d", a, ds, load[a]))
					inRun[a] = true
				}
			}
		}
		if over {
			days++
		}
	}
	return days, findings
}

func (d *demoDB) fosterByShare(p period) (children map[string]map[string]bool, cost map[string]int64, wrong []string) {
	children, cost = map[string]map[string]bool{"": {}, "10": {}, "30": {}, "50": {}}, map[string]int64{}
	for _, r := range d.db["foster_charges"].rows {
		if !p.has(r[5]) {
			continue
		}
		children[""][r[1]] = true
		children[r[3]][r[1]] = true
		var a int64
		fmt.Sscan(r[4], &a)
		cost[""] += a
		cost[r[3]] += a
		fp := pdate(d.firstPl[r[1]])
		sm := pdate(r[2])
		k := (sm.Year()*12 + int(sm.Month())) - (fp.Year()*12 + int(fp.Month()))
		due := "50"
		if k < 12 {
			due = "10"
		} else if k < 24 {
			due = "30"
		}
		if due != r[3] {
			wrong = append(wrong, fmt.Sprintf("%s %s %s (due %s)", r[1], r[2], r[3], due))
		}
	}
	return
}

func (d *demoDB) clients(p period) (withChildren, single, large, all int) {
	fams := map[string]bool{}
	for _, r := range d.db["benefits"].rows {
		if r[2] != "" && p.has(r[3]) && d.category[r[1]] == "social_assistance" {
			fams[r[2]] = true
		}
	}
	for _, r := range d.db["social_work"].rows {
		if p.active(r[1], r[2]) {
			fams[r[0]] = true
		}
	}
	all = len(fams)
	for f := range fams {
		n := 0
		for _, m := range d.members[f] {
			if isChild(d.birth[m], p.to) {
				n++
			}
		}
		if n == 0 {
			continue
		}
		withChildren++
		if d.single[f] == "true" {
			single++
		}
		if n >= 3 {
			large++
		}
	}
	return
}

func TestPlantedEdgeCases(t *testing.T) {
	d := newDemoDB(t)
	cases := d.db["assistant_cases"]

	// Boundary dates, re-opened case, both halves.
	has := func(fam, from, to, reason string) bool {
		for _, r := range cases.rows {
			if r[1] == fam && r[3] == from && r[4] == to && r[5] == reason {
				return true
			}
		}
		return false
	}
	for _, c := range [][4]string{
		{"R000001", "2024-01-01", "2024-12-31", "goals_achieved"},
		{"R000002", "2023-07-01", "2024-06-30", "family_withdrew"},
		{"R000003", "2025-03-01", "2025-10-31", "no_effect"},
		{"R000004", "2024-02-01", "2024-05-31", "family_withdrew"},
		{"R000004", "2024-09-02", "", ""},
		{"R000009", "2024-05-06", "2025-12-31", "other"},
	} {
		if !has(c[0], c[1], c[2], c[3]) {
			t.Errorf("planted case %v missing", c)
		}
	}
	y24, h1, h2 := yearP(2024), halfP(2024, 1), halfP(2024, 2)
	if !d.caseFamilies(h1, nil)["R000004"] || !d.caseFamilies(h2, nil)["R000004"] {
		t.Error("R000004 should be served in both halves of 2024")
	}
	if a, b, y := len(d.caseFamilies(h1, nil)), len(d.caseFamilies(h2, nil)), len(d.caseFamilies(y24, nil)); y >= a+b {
		t.Errorf("2024: %d + %d families in the halves, %d in the year: families in both halves must count once", a, b, y)
	}
	// Children: R000005's first child turns 18 inside 2025 but counts (child on 1 Jan);
	// R000006's first child turned 18 before the case started; R000007's child was born after the case started.
	if b := d.birth["O000016"]; d.famOf["O000016"] != "R000005" || b != "2007-05-20" {
		t.Errorf("O000016: family %s, born %s", d.famOf["O000016"], b)
	}
	if !isChild("2007-05-20", "2025-01-01") || isChild("2007-03-10", "2025-08-01") || isChild("2024-09-03", "2024-04-15") {
		t.Error("isChild")
	}
	// Every end reason, court-ordered and „Za życiem” cases in 2025 and 2024.
	for _, y := range []int{2024, 2025} {
		reasons := map[string]bool{}
		for _, r := range cases.rows {
			if yearP(y).has(r[4]) {
				reasons[r[5]] = true
			}
		}
		if len(reasons) != 4 {
			t.Errorf("%d: end reasons %v, want all four", y, reasons)
		}
		if len(d.caseFamilies(yearP(y), func(r []string) bool { return r[6] == "true" })) == 0 ||
			len(d.caseFamilies(yearP(y), func(r []string) bool { return r[7] == "true" })) == 0 {
			t.Errorf("%d: no court-ordered or „Za życiem” case", y)
		}
	}
	// The overload: A002 above 15 only from 3 to 28 March 2025.
	for y := 2022; y <= 2025; y++ {
		days, findings := d.overLimit(yearP(y), 15)
		want := 0
		if y == 2025 {
			want = 26
		}
		if days != want || (want > 0 && !strings.HasPrefix(findings[0], "A002 from 2025-03-03")) {
			t.Errorf("%d: %d days over the limit %v, want %d (A002 from 2025-03-03)", y, days, findings, want)
		}
	}
	// Foster care: F1 (O000046) 10 → 30 in 2024; exactly two wrong shares.
	ch24, _, wrong24 := d.fosterByShare(y24)
	if !ch24["10"]["O000046"] || !ch24["30"]["O000046"] {
		t.Error("O000046 should count in .10 and .30 in 2024")
	}
	_, _, wrong25 := d.fosterByShare(yearP(2025))
	if fmt.Sprint(wrong24) != "[O000048 2024-04-01 30 (due 50)]" || fmt.Sprint(wrong25) != "[O000046 2025-07-01 30 (due 50)]" {
		t.Errorf("wrong shares: 2024 %v, 2025 %v", wrong24, wrong25)
	}
	for _, y := range []int{2022, 2023} {
		if _, _, w := d.fosterByShare(yearP(y)); len(w) > 0 {
			t.Errorf("%d: unexpected wrong shares %v", y, w)
		}
	}
	// Every share in every year, single-parent and large client families.
	for y := 2022; y <= 2025; y++ {
		ch, _, _ := d.fosterByShare(yearP(y))
		for _, s := range []string{"10", "30", "50"} {
			if len(ch[s]) == 0 {
				t.Errorf("%d: no child at %s %%", y, s)
			}
		}
		if n, s, l, _ := d.clients(yearP(y)); s == 0 || l == 0 || n < 200 {
			t.Errorf("%d: clients with children %d, single %d, large %d", y, n, s, l)
		}
	}
	// Benefit kinds: Polish ASCII snake_case codes, the NULL family meals.
	codeRe := regexp.MustCompile(`^[a-z][a-z0-9_]*$`)
	for _, r := range d.db["benefit_kinds"].rows {
		if !codeRe.MatchString(r[0]) {
			t.Errorf("benefit kind code %q", r[0])
		}
	}
	nullFam := 0
	for _, r := range d.db["benefits"].rows {
		if r[2] == "" {
			nullFam++
		}
	}
	if nullFam == 0 {
		t.Error("no benefit without a family")
	}
	if *printStats {
		d.print(t)
	}
}

// print writes the per-year figures of the demo (go test -run Planted -stats -v).
func (d *demoDB) print(t *testing.T) {
	for y := 2022; y <= 2025; y++ {
		P := yearP(y)
		t.Logf("=== %d", y)
		t.Logf("asysta.rodziny %d (I %d, II %d), koniec okresu %d, dzieci %d, sąd %d, za życiem %d",
			len(d.caseFamilies(P, nil)), len(d.caseFamilies(halfP(y, 1), nil)), len(d.caseFamilies(halfP(y, 2), nil)),
			len(d.caseFamilies(period{P.to, P.to}, nil)), d.caseChildren(P),
			len(d.caseFamilies(P, func(r []string) bool { return r[6] == "true" })), len(d.caseFamilies(P, func(r []string) bool { return r[7] == "true" })))
		ended := map[string]map[string]bool{}
		for _, r := range d.db["assistant_cases"].rows {
			if P.has(r[4]) {
				if ended[r[5]] == nil {
					ended[r[5]] = map[string]bool{}
				}
				ended[r[5]][r[1]] = true
			}
		}
		t.Logf("zakończone: cel %d, rezygnacja %d, brak efektów %d, inne %d", len(ended["goals_achieved"]), len(ended["family_withdrew"]), len(ended["no_effect"]), len(ended["other"]))
		days, f := d.overLimit(P, 15)
		t.Logf("limit_przekroczony %d %v", days, f)
		ch, cost, wrong := d.fosterByShare(P)
		t.Logf("piecza.dzieci %d (10: %d, 30: %d, 50: %d), koszt %d gr (10: %d, 30: %d, 50: %d), niezgodne %v",
			len(ch[""]), len(ch["10"]), len(ch["30"]), len(ch["50"]), cost[""], cost["10"], cost["30"], cost["50"], wrong)
		att := map[string]bool{}
		for _, r := range d.db["day_centre_attendance"].rows {
			if P.active(r[2], r[3]) {
				att[r[1]] = true
			}
		}
		sup := map[string]bool{}
		for _, r := range d.db["supporting_family_cases"].rows {
			if P.active(r[2], r[3]) {
				sup[r[1]] = true
			}
		}
		sw, swp := map[string]bool{}, 0
		for _, r := range d.db["social_work"].rows {
			if P.active(r[1], r[2]) && !sw[r[0]] {
				sw[r[0]] = true
				swp += len(d.members[r[0]])
			}
		}
		n, s, l, all := d.clients(P)
		t.Logf("placowki.dzieci %d, rodziny_wspierajace.rodziny_objete %d, praca_socjalna %d rodzin / %d osób, klienci %d, z dziećmi %d (niepełne %d, wielodzietne %d)", len(att), len(sup), len(sw), swp, all, n, s, l)
		cnt, sum, fams := map[string]int{}, map[string]int64{}, map[string]bool{}
		total := 0
		for _, r := range d.db["benefits"].rows {
			if P.has(r[3]) {
				var a int64
				fmt.Sscan(r[4], &a)
				cnt[r[1]]++
				sum[r[1]] += a
				total++
				if d.category[r[1]] == "social_assistance" && r[2] != "" {
					fams[r[2]] = true
				}
			}
		}
		var kinds []string
		for _, r := range d.db["benefit_kinds"].rows {
			if cnt[r[0]] > 0 {
				kinds = append(kinds, fmt.Sprintf("%s %d/%d zł", r[0], cnt[r[0]], sum[r[0]]/100))
			}
		}
		t.Logf("świadczenia %d wierszy, rodziny_pomoc_finansowa %d: %s", total, len(fams), strings.Join(kinds, "; "))
		forms, ff, fc := 0, map[string]bool{}, map[string]bool{}
		proc := map[string][]string{}
		closed := 0
		for _, r := range d.db["blue_card_procedures"].rows {
			proc[r[0]] = r
			if P.has(r[3]) {
				closed++
			}
		}
		for _, r := range d.db["blue_card_forms"].rows {
			if P.has(r[1]) {
				forms++
				ff[proc[r[0]][1]] = true
				if proc[r[0]][4] == "true" {
					fc[proc[r[0]][1]] = true
				}
			}
		}
		t.Logf("niebieskie_karty: formularze %d, rodziny %d, z dziećmi %d, zakończone %d", forms, len(ff), len(fc), closed)
		ex := map[string]int64{}
		for _, r := range d.db["expenditures"].rows {
			if P.has(r[3]) {
				var a int64
				fmt.Sscan(r[4], &a)
				ex[r[1]+"."+r[2]] += a
			}
		}
		t.Logf("wydatki %v", ex)
	}
	_ = time.Now
}
