package samplegen

import (
	"fmt"
	"math/rand/v2"
	"slices"
)

// Random streams: every entity draws from its own PCG stream, so that adding
// rows to one table never changes another.
const (
	sFamily uint64 = iota + 1
	sAssistant
	sSlot
	sCaseFamily
	sOverload
	sCentre
	sAttendance
	sSupporting
	sFoster
	sCharge
	sSocialWork
	sBlueCard
	sTraining
	sActivity
	sExpenditure
	sBenefit
	sBenefitNoFamily
)

const (
	roleParent = iota
	roleChild
	roleOther
)

var roleNames = [...]string{"parent", "child", "other"}

type person struct {
	birth date
	role  uint8
}

type family struct {
	locality string // "urban", "rural" or "" (NULL)
	single   string // "true", "false" or "" (NULL)
	client   bool
	spanFrom date // the time the family is a client of the OPS
	spanTo   date // noDate = still a client at the end of the data
	disabled bool // a disabled child or carer in the family
	planted  bool
	first    int // index of the family's first person (0-based)
	persons  []person
}

func (f *family) children(d date) int {
	n := 0
	for _, p := range f.persons {
		if isChildOn(p.birth, d) {
			n++
		}
	}
	return n
}

type assistant struct {
	id         string
	employment string
	fte        string
	from, to   date
	slots      int
}

type acase struct {
	id        string
	fam       int
	asst      int
	from, to  date
	reason    string
	court, zz bool
}

type centre struct {
	id, name, form, runBy string
	places                int
	opened, closed        date
}

type attendance struct {
	centre   int
	person   int
	from, to date
}

type supFamily struct {
	id       string
	from, to date
}

type supCase struct {
	sf       int
	fam      int
	from, to date
}

type placement struct {
	form     string
	from, to date
	cost     int64 // monthly cost in grosze at 2022 prices
}

type fosterChild struct {
	person      int
	firstPlaced date
	placements  []placement
}

type charge struct {
	id      string
	person  int
	service date
	share   int
	amount  int64
	paid    date
}

type interval struct {
	fam      int
	from, to date
}

type procedure struct {
	id       string
	fam      int
	opened   date
	closed   date
	children bool
	forms    []form
}

type form struct {
	filed date
	by    string
}

type training struct {
	id        string
	asst      int // -1 = NULL
	title     string
	organiser string
	held      date
	cost      int64 // -1 = NULL
	paidBy    string
}

type activity struct {
	id           string
	kind         string
	held         date
	participants int // -1 = NULL
	title        string
}

type expenditure struct {
	id     string
	task   string
	source string
	spent  date
	amount int64
	note   string
}

// world holds everything but the persons' and benefits' rows, which are
// streamed from it.
type world struct {
	p          Params
	start, end date // 1 January FirstYear, 31 December LastYear
	delta      int  // LastYear - 2025: how far the planted dates move

	fams        []family
	nPersons    int
	assistants  []assistant
	cases       []acase
	centres     []centre
	attendance  []attendance
	supFams     []supFamily
	supCases    []supCase
	foster      []fosterChild
	charges     []charge
	socialWork  []interval
	procedures  []procedure
	trainings   []training
	activities  []activity
	expenditure []expenditure

	overloadFrom, overloadTo date // the planted over-the-limit window of A002
}

func (w *world) rng(stream uint64, i int) *rand.Rand {
	return rand.New(rand.NewPCG(w.seeds(stream, uint64(i))))
}

// seeds derives the two PCG seeds of entity i of a stream, through
// splitmix64, so that neighbouring entities get unrelated sequences.
func (w *world) seeds(stream, i uint64) (uint64, uint64) {
	a := mix64(w.p.Seed ^ mix64(stream<<48^i))
	return a, mix64(a ^ 0x9e3779b97f4a7c15)
}

func mix64(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ x>>30) * 0xbf58476d1ce4e5b9
	x = (x ^ x>>27) * 0x94d049bb133111eb
	return x ^ x>>31
}

// between draws a date in [a, b].
func between(r *rand.Rand, a, b date) date {
	if b <= a {
		return a
	}
	return a + date(r.IntN(int(b-a)+1))
}

// birthBetween draws a birth date in [a, b], never 29 February (the contract's
// 18th anniversary of 29 February is left to the indicator tests, not the demo).
func birthBetween(r *rand.Rand, a, b date) date {
	d := between(r, a, b)
	if _, m, dd := d.civil(); m == 2 && dd == 29 {
		d--
	}
	return d
}

// chance is true with probability milli/1000.
func chance(r *rand.Rand, milli int) bool { return r.IntN(1000) < milli }

// pick draws an index from integer weights.
func pick(r *rand.Rand, weights ...int) int {
	t := 0
	for _, w := range weights {
		t += w
	}
	x := r.IntN(t)
	for i, w := range weights {
		if x < w {
			return i
		}
		x -= w
	}
	return len(weights) - 1
}

// pd is a planted date: a 2022–2025 literal moved with LastYear.
func (w *world) pd(s string) date {
	if s == "" {
		return noDate
	}
	return parseDate(s).addYears(w.delta)
}

func newWorld(p Params) (*world, error) {
	if err := p.validate(); err != nil {
		return nil, err
	}
	w := &world{p: p, start: mkDate(p.FirstYear, 1, 1), end: mkDate(p.LastYear, 12, 31), delta: p.LastYear - 2025}
	w.genFamilies()
	w.genAssistants()
	w.genCases()
	w.genFoster()
	w.genCentres()
	w.genSupporting()
	w.genCharges()
	w.genSocialWork()
	w.genBlueCards()
	w.genTrainings()
	w.genActivities()
	w.genExpenditure()
	return w, nil
}

func famID(i int) string    { return fmt.Sprintf("R%06d", i+1) }
func personID(i int) string { return fmt.Sprintf("O%06d", i+1) }

func (w *world) genFamilies() {
	w.fams = make([]family, w.p.Families)
	w.plantFamilies()
	y1 := w.p.LastYear
	nRandom := w.p.Families - plantedFamilies
	for i := plantedFamilies; i < w.p.Families; i++ {
		r := w.rng(sFamily, i)
		f := &w.fams[i]
		switch pick(r, 450, 520, 30) {
		case 0:
			f.locality = "urban"
		case 1:
			f.locality = "rural"
		}
		singleParent := chance(r, 220)
		switch {
		case chance(r, 30):
			f.single = ""
		case singleParent:
			f.single = "true"
		default:
			f.single = "false"
		}
		pb := birthBetween(r, mkDate(y1-57, 1, 1), mkDate(y1-20, 12, 31))
		f.persons = append(f.persons, person{pb, roleParent})
		if !singleParent {
			f.persons = append(f.persons, person{birthBetween(r, pb-date(r.IntN(5*365)), pb+date(r.IntN(3*365))), roleParent})
		}
		nk := pick(r, 220, 260, 260, 150, 70, 30, 10)
		lo, hi := pb.addYears(19), minDate(pb.addYears(44), w.end)
		if hi > lo {
			var kids []date
			for range nk {
				kids = append(kids, birthBetween(r, lo, hi))
			}
			slices.Sort(kids)
			for _, k := range kids {
				f.persons = append(f.persons, person{k, roleChild})
			}
			f.disabled = nk > 0 && chance(r, 60)
		}
		if chance(r, 70) {
			f.persons = append(f.persons, person{birthBetween(r, pb.addYears(-30), pb.addYears(-20)), roleOther})
			if chance(r, 300) {
				f.disabled = true
			}
		}
		if r.IntN(nRandom) < w.p.ClientFamilies {
			f.client = true
			f.spanFrom = between(r, mkDate(w.p.FirstYear-5, 1, 1), mkDate(y1, 10, 31))
			f.spanTo = f.spanFrom + date(240+r.IntN(6*365))
			if f.spanTo >= w.end {
				f.spanTo = noDate
			}
		}
	}
	n := 0
	for i := range w.fams {
		w.fams[i].first = n
		n += len(w.fams[i].persons)
	}
	w.nPersons = n
}

// clientIn tells whether family f is a client on some day of [a, b].
func (f *family) clientIn(a, b date) bool {
	return f.client && f.spanFrom <= b && (f.spanTo == noDate || f.spanTo >= a)
}

var employments = []string{"task_time_contract", "service_contract", "other"}

func (w *world) genAssistants() {
	w.plantAssistants()
	for i := len(w.assistants); i < w.p.Assistants; i++ {
		r := w.rng(sAssistant, i)
		a := assistant{id: fmt.Sprintf("A%03d", i+1)}
		e := pick(r, 800, 150, 50)
		a.employment = employments[e]
		switch e {
		case 0:
			a.fte = []string{"1.0", "1.0", "1.0", "0.75", "0.5"}[r.IntN(5)]
		case 2:
			a.fte = "1.0"
		}
		a.from = between(r, mkDate(w.p.FirstYear-6, 1, 1), mkDate(w.p.LastYear, 6, 30))
		a.to = noDate
		if chance(r, 150) {
			a.to = between(r, maxDate(a.from+200, w.start), w.end-30)
			if a.to <= a.from {
				a.to = noDate
			}
		}
		a.slots = 8 + r.IntN(5)
		if a.fte == "0.5" {
			a.slots = 6
		}
		w.assistants = append(w.assistants, a)
	}
}

var endReasons = []string{"goals_achieved", "family_withdrew", "no_effect", "other"}

// genCases fills each assistant's slots with consecutive cases, then gives
// each case a family that is a client, has a child and no other open case.
func (w *world) genCases() {
	planted := w.plantCases()
	var random []acase
	slot := 0
	for ai, a := range w.assistants {
		for s := 0; s < a.slots; s++ {
			r := w.rng(sSlot, slot)
			slot++
			t := maxDate(a.from, w.start-400) + date(r.IntN(150))
			for t <= w.end-14 {
				if a.to != noDate && t >= a.to-30 {
					break
				}
				c := acase{asst: ai, from: t, to: t + date(45+r.IntN(620))}
				c.reason = endReasons[pick(r, 450, 200, 200, 150)]
				if a.to != noDate && c.to >= a.to {
					c.to, c.reason = a.to, "other"
				}
				if c.to >= w.end {
					c.to, c.reason = noDate, ""
				}
				c.court = chance(r, 150)
				c.zz = chance(r, 30)
				random = append(random, c)
				if c.to == noDate {
					break
				}
				t = c.to + date(7+r.IntN(60))
			}
		}
	}
	slices.SortStableFunc(random, func(a, b acase) int { return int(a.from - b.from) })
	busy := make([]date, len(w.fams)) // last day of the family's latest case
	for _, c := range planted {
		busy[c.fam] = farEnd(c.to)
	}
	var pool []int
	for i := plantedFamilies; i < len(w.fams); i++ {
		if w.fams[i].client {
			pool = append(pool, i)
		}
	}
	r := w.rng(sCaseFamily, 0)
	ok := func(fi int, c acase) bool {
		f := &w.fams[fi]
		return busy[fi] < c.from && f.children(c.from) > 0 && f.clientIn(c.from, c.from)
	}
	var assigned []acase
	for _, c := range random {
		fi := -1
		for range 60 {
			if x := pool[r.IntN(len(pool))]; ok(x, c) {
				fi = x
				break
			}
		}
		if fi < 0 {
			off := r.IntN(len(pool))
			for k := range pool {
				if x := pool[(off+k)%len(pool)]; ok(x, c) {
					fi = x
					break
				}
			}
		}
		if fi < 0 {
			continue // no free family: the slot stays empty
		}
		c.fam = fi
		busy[fi] = farEnd(c.to)
		assigned = append(assigned, c)
	}
	// The planted overload: A002 takes over colleagues' families for a few
	// weeks in March of the last year, above the limit of 15.
	w.overloadFrom, w.overloadTo = w.pd("2025-03-03"), w.pd("2025-03-28")
	load := func(d date) int {
		n := 0
		for _, cs := range [][]acase{planted, assigned} {
			for _, c := range cs {
				if c.asst == 1 && c.from <= d && (c.to == noDate || c.to >= d) {
					n++
				}
			}
		}
		return n
	}
	minLoad := 1 << 30
	for d := w.overloadFrom; d <= w.overloadTo; d++ {
		minLoad = min(minLoad, load(d))
	}
	ro := w.rng(sOverload, 0)
	var extra []acase
	for range 16 - minLoad {
		c := acase{asst: 1, from: w.overloadFrom, to: w.overloadTo, reason: "other", fam: -1}
		for range 100 * len(pool) {
			if x := pool[ro.IntN(len(pool))]; ok(x, c) {
				c.fam = x
				busy[x] = c.to
				break
			}
		}
		if c.fam >= 0 {
			extra = append(extra, c)
		}
	}
	// Ids: planted cases first (stable ids for tests), then the overload, then the rest by start.
	w.cases = append(append(planted, extra...), assigned...)
	for i := range w.cases {
		w.cases[i].id = fmt.Sprintf("AS%05d", i+1)
	}
}

func farEnd(d date) date {
	if d == noDate {
		return 1 << 30
	}
	return d
}

var centreForms = []string{"care", "specialist", "street", "mixed"}

func (w *world) genCentres() {
	w.plantCentres()
	for i := len(w.centres); i < w.p.DayCentres; i++ {
		r := w.rng(sCentre, i)
		c := centre{id: fmt.Sprintf("PWD%02d", i+1)}
		c.form = centreForms[pick(r, 550, 200, 100, 150)]
		names := map[string]string{"care": "Świetlica Opiekuńczo-Wychowawcza nr %d", "specialist": "Placówka Specjalistyczna nr %d", "street": "Punkt Pracy Podwórkowej nr %d", "mixed": "Placówka Wsparcia Dziennego nr %d"}
		c.name = fmt.Sprintf(names[c.form], i+1)
		c.runBy = []string{"gmina", "commissioned"}[pick(r, 650, 350)]
		c.places = 12 + r.IntN(19)
		c.opened = between(r, mkDate(w.p.FirstYear-10, 1, 1), mkDate(w.p.LastYear, 3, 1))
		c.closed = noDate
		if chance(r, 100) {
			c.closed = between(r, maxDate(c.opened+365, w.start), w.end-60)
		}
		w.centres = append(w.centres, c)
	}
	w.genAttendance()
}

// genAttendance enrols children school year by school year; a child often
// continues, and then keeps one record over several years.
func (w *world) genAttendance() {
	w.plantAttendance()
	attending := map[int]bool{}
	for _, a := range w.attendance {
		attending[a.person] = true
	}
	isFoster := map[int]bool{}
	for _, fc := range w.foster {
		isFoster[fc.person] = true
	}
	for ci, c := range w.centres {
		r := w.rng(sAttendance, ci)
		open := map[int]date{} // person -> from
		for sy := w.p.FirstYear - 1; sy <= w.p.LastYear; sy++ {
			syStart := mkDate(sy, 9, 1) + date(r.IntN(5))
			syEnd := mkDate(sy+1, 6, 20) + date(r.IntN(8))
			if c.opened > syEnd || (c.closed != noDate && c.closed < syStart) {
				continue
			}
			from0 := maxDate(syStart, c.opened)
			want := c.places * (80 + r.IntN(30)) / 100
			if ci < plantedCentres {
				want -= plantedAttendanceIn(w, ci, syStart)
			}
			for tries := 0; len(open) < want && tries < 100000; tries++ {
				fi := plantedFamilies + r.IntN(len(w.fams)-plantedFamilies)
				f := &w.fams[fi]
				var kids []int
				for k, p := range f.persons {
					pi := f.first + k
					if p.role == roleChild && p.birth.addYears(6) <= from0 && p.birth.addYears(16) > from0 && !attending[pi] && !isFoster[pi] {
						kids = append(kids, pi)
					}
				}
				if len(kids) == 0 {
					continue
				}
				pi := kids[r.IntN(len(kids))]
				attending[pi] = true
				open[pi] = from0 + date(r.IntN(40))
			}
			// the end of the school year: who leaves?
			last := sy == w.p.LastYear
			ids := make([]int, 0, len(open))
			for pi := range open {
				ids = append(ids, pi)
			}
			slices.Sort(ids)
			for _, pi := range ids {
				leave := chance(r, 450)
				f := w.personFamily(pi)
				b := w.fams[f].persons[pi-w.fams[f].first].birth
				if b.addYears(17) <= syEnd {
					leave = true
				}
				to := syEnd
				if c.closed != noDate && c.closed <= syEnd {
					to, leave = c.closed, true
				} else if chance(r, 120) {
					to, leave = between(r, open[pi]+30, syEnd), true
				}
				if last && !leave {
					to = noDate
				}
				if leave || last {
					if to != noDate && to < open[pi] {
						to = open[pi]
					}
					w.attendance = append(w.attendance, attendance{ci, pi, open[pi], to})
					delete(open, pi)
					attending[pi] = false
				}
			}
		}
	}
}

// personFamily finds the family of person pi (binary search on first).
func (w *world) personFamily(pi int) int {
	i, _ := slices.BinarySearchFunc(w.fams, pi, func(f family, t int) int {
		switch {
		case f.first+len(f.persons) <= t:
			return -1
		case f.first > t:
			return 1
		}
		return 0
	})
	return i
}

func (w *world) genSupporting() {
	w.plantSupporting()
	var clients []int
	for i := plantedFamilies; i < len(w.fams); i++ {
		if w.fams[i].client && w.fams[i].children(w.end) > 0 {
			clients = append(clients, i)
		}
	}
	for i := len(w.supFams); i < w.p.SupportingFamilies; i++ {
		r := w.rng(sSupporting, i)
		s := supFamily{id: fmt.Sprintf("RW%03d", i+1), to: noDate}
		s.from = between(r, mkDate(w.p.FirstYear-3, 1, 1), mkDate(w.p.LastYear, 6, 30))
		if chance(r, 250) {
			s.to = between(r, maxDate(s.from+365, w.start), w.end-30)
		}
		w.supFams = append(w.supFams, s)
		t := s.from + date(r.IntN(90))
		for {
			end := s.to
			if end == noDate {
				end = w.end
			}
			if t > end-30 {
				break
			}
			c := supCase{sf: i, fam: clients[r.IntN(len(clients))], from: t, to: t + date(90+r.IntN(300))}
			if c.to >= end {
				c.to = s.to
			}
			w.supCases = append(w.supCases, c)
			if c.to == noDate {
				break
			}
			t = c.to + date(30+r.IntN(120))
		}
	}
}
