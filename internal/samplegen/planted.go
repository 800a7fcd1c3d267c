package samplegen

// The planted edge cases of DATA-CONTRACT.md §2, at fixed ids (for
// LastYear = 2025; every date moves with LastYear). samples/README.md lists
// them; the tests in this package check each one.

const (
	plantedFamilies   = 20
	plantedCentres    = 2
	plantedSupporting = 3
)

type plantedPerson struct {
	role  uint8
	birth string
}

type plantedFamily struct {
	locality, single string
	persons          []plantedPerson
	clientFrom       string // "" = not a client
	clientTo         string // "" = still a client
	disabled         bool
}

func par(b string) plantedPerson { return plantedPerson{roleParent, b} }
func chi(b string) plantedPerson { return plantedPerson{roleChild, b} }
func oth(b string) plantedPerson { return plantedPerson{roleOther, b} }

var plantedFams = [plantedFamilies]plantedFamily{
	// R000001: assistant case 1 Jan – 31 Dec 2024, goals achieved.
	{"urban", "false", []plantedPerson{par("1985-04-12"), par("1987-09-30"), chi("2012-06-15"), chi("2016-02-03")}, "2023-06-01", "", false},
	// R000002: case 1 Jul 2023 – 30 Jun 2024, the family withdrew; single parent.
	{"rural", "true", []plantedPerson{par("1990-01-20"), chi("2014-11-11"), chi("2019-07-07")}, "2023-05-10", "2024-12-31", false},
	// R000003: one case over both halves of 2025 (1 Mar – 31 Oct), no effects.
	{"urban", "false", []plantedPerson{par("1980-03-03"), par("1982-07-21"), chi("2010-03-03"), chi("2013-05-05")}, "2024-01-15", "", false},
	// R000004: re-opened: case Feb–May 2024 (withdrew), again from 2 Sep 2024 (open).
	{"rural", "false", []plantedPerson{par("1992-02-02"), par("1991-11-30"), chi("2018-08-08")}, "2023-10-01", "", false},
	// R000005: child O000016 turns 18 on 20 May 2025 inside an open case (from 1 Oct 2024).
	{"urban", "true", []plantedPerson{par("1984-06-06"), chi("2007-05-20"), chi("2011-01-15")}, "2022-03-01", "", false},
	// R000006: child turns 18 on 10 Mar 2025, before the case starts on 1 Aug 2025.
	{"rural", "false", []plantedPerson{par("1979-09-09"), par("1978-12-12"), chi("2007-03-10"), chi("2009-12-01")}, "2025-05-01", "", false},
	// R000007: „Za życiem” case from 15 Apr 2024; the child is born on 3 Sep 2024.
	{"urban", "true", []plantedPerson{par("1998-02-14"), chi("2024-09-03")}, "2024-03-01", "", false},
	// R000008: court-ordered case 20 Nov 2023 – 30 Jun 2025, goals achieved; 3 children.
	{"rural", "false", []plantedPerson{par("1986-01-01"), par("1984-05-05"), chi("2011-04-04"), chi("2013-08-18"), chi("2016-10-10")}, "2023-09-01", "2025-09-30", false},
	// R000009: case 6 May 2024 – 31 Dec 2025, ended for another reason (moved away).
	{"urban", "false", []plantedPerson{par("1988-03-15"), par("1989-07-07"), chi("2015-02-20"), chi("2020-12-24")}, "2024-04-01", "2025-12-31", false},
	// R000010: single parent, 4 children, court-ordered case open since 1 Jan 2022.
	{"rural", "true", []plantedPerson{par("1983-11-11"), chi("2008-09-09"), chi("2010-10-10"), chi("2013-01-13"), chi("2016-06-16")}, "2021-06-01", "", false},
	// R000011: case 1 Mar 2022 – 31 Dec 2023 (assistant A003), 3 children.
	{"urban", "false", []plantedPerson{par("1987-08-08"), par("1986-02-02"), chi("2012-12-01"), chi("2015-05-15"), chi("2019-09-19")}, "2022-02-01", "2024-12-31", false},
	// R000012: foster child F1 (born 2015-04-04), share 10 → 30 in July 2024.
	{"rural", "false", []plantedPerson{par("1985-10-10"), par("1983-03-03"), chi("2012-02-12"), chi("2015-04-04")}, "2023-01-01", "", false},
	// R000013: foster child F2 (born 2012-12-12), in care since 2019; April 2024 billed at 30 %.
	{"urban", "true", []plantedPerson{par("1990-05-05"), chi("2012-12-12")}, "2018-06-01", "", false},
	// R000014: siblings F4a, F4b placed together in a family home on 3 Mar 2025.
	{"rural", "false", []plantedPerson{par("1993-07-07"), par("1990-09-09"), chi("2017-02-02"), chi("2020-03-03")}, "2024-06-01", "", false},
	// R000015: Blue Card opened 20 Dec 2024, second form 8 Jan 2025, closed 30 Jun 2025.
	{"urban", "false", []plantedPerson{par("1981-01-21"), par("1980-04-14"), chi("2016-11-11")}, "", "", false},
	// R000016: foster child F3: first placed 2020, home 2022, placed again 15 Feb 2024 (50 % at once).
	{"rural", "true", []plantedPerson{par("1988-12-12"), chi("2011-05-10")}, "2019-01-01", "", false},
	// R000017: foster child F5 leaves care the day before turning 18 (4 Oct 2024).
	{"urban", "false", []plantedPerson{par("1975-06-30"), par("1976-03-01"), chi("2006-10-05")}, "", "", false},
	// R000018: large family (5 children), disabled child, client until 30 Jun 2024.
	{"rural", "false", []plantedPerson{par("1982-02-18"), par("1983-05-27"), chi("2008-01-10"), chi("2010-04-22"), chi("2012-07-30"), chi("2015-09-14"), chi("2019-03-08")}, "2021-09-01", "2024-06-30", true},
	// R000019: no children, single_parent NULL; Blue Card without children (2025).
	{"urban", "", []plantedPerson{par("1970-10-10"), par("1972-01-15")}, "", "", false},
	// R000020: locality NULL; single parent with a grandmother; client from 1 Jul 2025.
	{"", "true", []plantedPerson{par("1995-04-04"), chi("2021-06-01"), oth("1950-02-02")}, "2025-07-01", "", false},
}

func (w *world) plantFamilies() {
	for i, pf := range plantedFams {
		f := &w.fams[i]
		f.locality, f.single, f.disabled, f.planted = pf.locality, pf.single, pf.disabled, true
		for _, p := range pf.persons {
			f.persons = append(f.persons, person{w.pd(p.birth), p.role})
		}
		if pf.clientFrom != "" {
			f.client, f.spanFrom, f.spanTo = true, w.pd(pf.clientFrom), w.pd(pf.clientTo)
		}
	}
}

// pp is the person index of member k (0-based) of planted family fam (1-based, as in R00000fam).
func (w *world) pp(fam, k int) int { return w.fams[fam-1].first + k }

func (w *world) plantAssistants() {
	w.assistants = []assistant{
		{"A001", "task_time_contract", "1.0", w.pd("2018-03-01"), noDate, 10},
		{"A002", "task_time_contract", "1.0", w.pd("2020-09-01"), noDate, 11},
		{"A003", "service_contract", "", w.pd("2022-02-01"), w.pd("2024-06-30"), 7},
		{"A004", "task_time_contract", "0.5", w.pd("2024-07-01"), noDate, 5},
	}
}

func (w *world) plantCases() []acase {
	c := func(fam, asst int, from, to, reason string, court, zz bool) acase {
		return acase{fam: fam - 1, asst: asst - 1, from: w.pd(from), to: w.pd(to), reason: reason, court: court, zz: zz}
	}
	return []acase{
		c(1, 1, "2024-01-01", "2024-12-31", "goals_achieved", false, false),
		c(2, 2, "2023-07-01", "2024-06-30", "family_withdrew", false, false),
		c(3, 1, "2025-03-01", "2025-10-31", "no_effect", false, false),
		c(4, 2, "2024-02-01", "2024-05-31", "family_withdrew", false, false),
		c(4, 4, "2024-09-02", "", "", false, false),
		c(5, 1, "2024-10-01", "", "", false, false),
		c(6, 4, "2025-08-01", "", "", false, false),
		c(7, 2, "2024-04-15", "", "", false, true),
		c(8, 1, "2023-11-20", "2025-06-30", "goals_achieved", true, false),
		c(9, 2, "2024-05-06", "2025-12-31", "other", false, false),
		c(10, 1, "2022-01-01", "", "", true, false),
		c(11, 3, "2022-03-01", "2023-12-31", "goals_achieved", false, false),
	}
}

func (w *world) plantCentres() {
	w.centres = []centre{
		{"PWD01", "Świetlica Środowiskowa w Przykładowie", "care", "gmina", 25, w.pd("2012-09-01"), noDate},
		{"PWD02", "Placówka Wsparcia Dziennego „Promyk” w Woli Przykładowej", "specialist", "commissioned", 15, w.pd("2023-09-01"), noDate},
	}
}

func (w *world) plantAttendance() {
	a := func(c, fam, k int, from, to string) attendance {
		return attendance{c - 1, w.pp(fam, k), w.pd(from), w.pd(to)}
	}
	w.attendance = []attendance{
		a(1, 10, 1, "2022-01-03", "2022-06-24"),
		a(1, 10, 2, "2022-09-05", ""),
		a(1, 10, 3, "2022-09-05", ""),
		a(2, 5, 2, "2023-09-04", "2024-06-21"),
		a(1, 5, 2, "2024-09-02", ""),
		a(2, 18, 4, "2024-09-02", "2025-06-27"),
	}
}

// plantedAttendanceIn counts the planted attendance records of centre ci active on d.
func plantedAttendanceIn(w *world, ci int, d date) int {
	n := 0
	for _, a := range w.attendance[:6] {
		if a.centre == ci && a.from <= d && (a.to == noDate || a.to >= d) {
			n++
		}
	}
	return n
}

func (w *world) plantSupporting() {
	w.supFams = []supFamily{
		{"RW001", w.pd("2021-05-01"), noDate},
		{"RW002", w.pd("2023-03-01"), w.pd("2024-12-31")},
		{"RW003", w.pd("2025-02-01"), noDate},
	}
	w.supCases = []supCase{
		{0, 9, w.pd("2022-01-01"), w.pd("2023-06-30")},
		{1, 10, w.pd("2023-04-01"), w.pd("2024-12-31")},
		{0, 7, w.pd("2024-01-08"), w.pd("2025-06-30")},
		{2, 4, w.pd("2025-02-15"), noDate},
	}
}

func (w *world) plantFoster() {
	pl := func(form, from, to string, zl int64) placement {
		return placement{form, w.pd(from), w.pd(to), zl * 100}
	}
	w.foster = []fosterChild{
		{w.pp(12, 3), w.pd("2023-07-15"), []placement{pl("professional_family", "2023-07-15", "", 4800)}},
		{w.pp(13, 1), w.pd("2019-03-01"), []placement{pl("care_institution", "2019-03-01", "2021-08-31", 8200), pl("non_professional_family", "2021-09-01", "", 3600)}},
		{w.pp(16, 1), w.pd("2020-05-10"), []placement{pl("kinship_family", "2020-05-10", "2022-09-30", 2700), pl("care_institution", "2024-02-15", "", 8600)}},
		{w.pp(14, 2), w.pd("2025-03-03"), []placement{pl("family_home", "2025-03-03", "", 5200)}},
		{w.pp(14, 3), w.pd("2025-03-03"), []placement{pl("family_home", "2025-03-03", "", 5200)}},
		{w.pp(17, 2), w.pd("2019-01-10"), []placement{pl("non_professional_family", "2019-01-10", "2024-10-04", 3500)}},
	}
}

// plantedWrongShares are the charges the county billed at a wrong share:
// F2's April 2024 at 30 % (due 50 %), F1's July 2025 at 30 % (due 50 %: the
// county missed the step-up).
func (w *world) plantedWrongShares() map[chargeKey]int {
	return map[chargeKey]int{
		{w.pp(13, 1), w.pd("2024-04-01")}: 30,
		{w.pp(12, 3), w.pd("2025-07-01")}: 30,
	}
}

func (w *world) plantSocialWork() {
	s := func(fam int, from, to string) interval { return interval{fam - 1, w.pd(from), w.pd(to)} }
	w.socialWork = []interval{
		s(1, "2023-06-01", ""),
		s(2, "2023-05-10", "2024-12-31"),
		s(3, "2024-01-15", "2025-12-31"),
		s(4, "2023-10-01", ""),
		s(5, "2022-03-01", ""),
		s(6, "2025-05-01", ""),
		s(7, "2024-03-01", ""),
		s(8, "2023-09-01", "2025-09-30"),
		s(9, "2024-04-01", "2025-12-31"),
		s(10, "2021-06-01", "2022-12-31"),
		s(10, "2023-07-01", ""),
		s(11, "2022-02-01", "2024-12-31"),
		s(12, "2023-01-01", ""),
		s(13, "2018-06-01", ""),
		s(14, "2024-06-01", ""),
		s(16, "2019-01-01", "2023-06-30"),
		s(18, "2022-01-01", "2024-06-30"),
		s(20, "2025-07-01", ""),
	}
}

func (w *world) plantBlueCards() {
	f := func(d, by string) form { return form{w.pd(d), by} }
	w.procedures = []procedure{
		{fam: 14, opened: w.pd("2024-12-20"), closed: w.pd("2025-06-30"), children: true, forms: []form{f("2024-12-20", "police"), f("2025-01-08", "ops")}},
		{fam: 18, opened: w.pd("2025-05-05"), closed: noDate, children: false, forms: []form{f("2025-05-05", "police")}},
		{fam: 9, opened: w.pd("2023-03-14"), closed: w.pd("2023-12-31"), children: true, forms: []form{f("2023-03-14", "education"), f("2023-04-02", "police"), f("2023-06-20", "health")}},
		{fam: 7, opened: w.pd("2021-11-15"), closed: w.pd("2022-01-31"), children: true, forms: []form{f("2021-11-15", "police"), f("2022-01-10", "gkrpa")}},
	}
}

// plantedBenefits are benefits paid to planted families in year y, written
// before the random ones: R000007's „becikowe” and „Za życiem” after the
// birth in September 2024.
func (w *world) plantedBenefits(y int) []benefitRow {
	if y != 2024+w.delta {
		return nil
	}
	d := w.pd("2024-10-15")
	return []benefitRow{
		{kind: "jednorazowa_zapomoga_urodzenie", fam: 6, paid: d, amount: 100000},
		{kind: "swiadczenie_za_zyciem", fam: 6, paid: d, amount: 400000},
	}
}
