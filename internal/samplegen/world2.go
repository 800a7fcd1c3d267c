package samplegen

import (
	"fmt"
	"math/rand/v2"
	"slices"
)

var fosterForms = []string{"kinship_family", "non_professional_family", "professional_family", "family_home", "care_institution", "therapeutic_institution", "pre_adoption_centre"}

// placementCosts are the monthly costs of care at 2022 prices, in złoty:
// family care 2,500–6,000 zł, institutions 7,000–13,000 zł.
var placementCosts = map[string][2]int{
	"kinship_family":          {2500, 3200},
	"non_professional_family": {3000, 4200},
	"professional_family":     {4000, 6000},
	"family_home":             {4500, 6000},
	"care_institution":        {7000, 9500},
	"therapeutic_institution": {10000, 13000},
	"pre_adoption_centre":     {8000, 10000},
}

// monthlyCost draws the monthly cost of a placement at 2022 prices, in grosze.
func monthlyCost(r *rand.Rand, form string) int64 {
	c := placementCosts[form]
	return int64(c[0]+r.IntN(c[1]-c[0]+1)) * 100
}

// costIn indexes a 2022 cost to year y (6 % a year, simple).
func costIn(c int64, y int) int64 { return c * int64(100+6*(y-2022)) / 100 }

func (w *world) genFoster() {
	w.plantFoster()
	used := map[int]bool{}
	for _, fc := range w.foster {
		used[fc.person] = true
	}
	for i := len(w.foster); i < w.p.FosterChildren; i++ {
		r := w.rng(sFoster, i)
		var fc fosterChild
		for tries := 0; tries < 1_000_000; tries++ {
			fi := plantedFamilies + r.IntN(len(w.fams)-plantedFamilies)
			f := &w.fams[fi]
			k := r.IntN(len(f.persons))
			p := f.persons[k]
			pi := f.first + k
			if p.role != roleChild || used[pi] {
				continue
			}
			lo := maxDate(p.birth+30, mkDate(w.p.FirstYear-6, 1, 1))
			hi := minDate(p.birth.addYears(16), mkDate(w.p.LastYear, 9, 30))
			if hi <= lo || hi < w.start+60 {
				continue
			}
			fc = fosterChild{person: pi, firstPlaced: between(r, lo, hi)}
			adult := p.birth.turns18() - 1
			from := fc.firstPlaced
			for n := 0; ; n++ {
				pl := placement{form: fosterForms[pick(r, 300, 180, 200, 90, 180, 30, 20)], from: from, to: noDate}
				pl.cost = monthlyCost(r, pl.form)
				if chance(r, 400) {
					pl.to = from + date(300+r.IntN(1800))
				}
				if pl.to != noDate && pl.to < w.start+30 {
					pl.to = w.start + date(30+r.IntN(700))
				}
				if pl.to == noDate || pl.to > adult {
					if adult < w.end {
						pl.to = adult
					}
				}
				if pl.to != noDate && pl.to >= w.end {
					pl.to = noDate
				}
				fc.placements = append(fc.placements, pl)
				if pl.to == noDate || n > 0 || !chance(r, 250) || pl.to+1 >= adult {
					break
				}
				from = pl.to + 1 // a change of the form of care
			}
			used[pi] = true
			break
		}
		if fc.placements != nil {
			w.foster = append(w.foster, fc)
		}
	}
}

// shareDue is the gmina's share for a service month: 10 % in the 12 months
// starting with the month of the first placement, 30 % in the next 12, 50 % after.
func shareDue(firstPlaced, service date) int {
	k := monthIndex(service) - monthIndex(firstPlaced)
	switch {
	case k < 12:
		return 10
	case k < 24:
		return 30
	}
	return 50
}

// genCharges bills every month of care from December of the year before the
// first year to November of the last one, so that every charge is paid (in
// the month after the service month) inside the years.
func (w *world) genCharges() {
	wrong := w.plantedWrongShares()
	y, m := w.p.FirstYear-1, 12
	for {
		ms := mkDate(y, m, 1)
		dim := daysIn(y, m)
		me := ms + date(dim-1)
		for ci, fc := range w.foster {
			var total int64
			for _, pl := range fc.placements {
				a, b := maxDate(pl.from, ms), minDate(farEnd(pl.to), me)
				if b < a {
					continue
				}
				total += costIn(pl.cost, y) * int64(b-a+1) / int64(dim)
			}
			if total == 0 {
				continue
			}
			share := shareDue(fc.firstPlaced, ms)
			if s, ok := wrong[chargeKey{fc.person, ms}]; ok {
				share = s
			}
			r := w.rng(sCharge, ci<<16|monthIndex(ms)&0xffff)
			py, pm := addMonths(y, m, 1)
			c := charge{person: fc.person, service: ms, share: share,
				amount: (total*int64(share) + 50) / 100, paid: mkDate(py, pm, 8+r.IntN(14))}
			w.charges = append(w.charges, c)
		}
		if y == w.p.LastYear && m == 11 {
			break
		}
		y, m = addMonths(y, m, 1)
	}
	for i := range w.charges {
		w.charges[i].id = fmt.Sprintf("PZ%06d", i+1)
	}
}

type chargeKey struct {
	person  int
	service date
}

func (w *world) genSocialWork() {
	w.plantSocialWork()
	for i := plantedFamilies; i < len(w.fams); i++ {
		f := &w.fams[i]
		if !f.client {
			continue
		}
		r := w.rng(sSocialWork, i)
		if !chance(r, 850) {
			continue
		}
		to := f.spanTo
		if chance(r, 250) {
			end := farEnd(f.spanTo)
			if end > w.end {
				end = w.end
			}
			if end-f.spanFrom > 200 {
				mid := between(r, f.spanFrom+60, end-100)
				w.socialWork = append(w.socialWork, interval{i, f.spanFrom, mid})
				w.socialWork = append(w.socialWork, interval{i, mid + date(20+r.IntN(60)), to})
				continue
			}
		}
		w.socialWork = append(w.socialWork, interval{i, f.spanFrom, to})
	}
}

var filedBy = []string{"police", "ops", "education", "health", "gkrpa", "other"}

func (w *world) genBlueCards() {
	w.plantBlueCards()
	var random []procedure
	n := 0
	for y := w.p.FirstYear - 1; y <= w.p.LastYear; y++ {
		count := w.p.BlueCardsPerYear
		from := mkDate(y, 1, 1)
		if y < w.p.FirstYear {
			count, from = count/3, mkDate(y, 9, 1)
		}
		for range count {
			r := w.rng(sBlueCard, n)
			n++
			fi := plantedFamilies + r.IntN(len(w.fams)-plantedFamilies)
			p := procedure{fam: fi, opened: between(r, from, mkDate(y, 12, 31))}
			p.children = w.fams[fi].children(p.opened) > 0 && chance(r, 850)
			p.closed = p.opened + date(60+r.IntN(300))
			if p.closed > w.end || chance(r, 50) {
				p.closed = noDate
			}
			p.forms = append(p.forms, form{p.opened, filedBy[pick(r, 560, 200, 120, 50, 30, 40)]})
			for k := pick(r, 650, 270, 80); k > 0; k-- {
				last := minDate(farEnd(p.closed), w.end)
				if last <= p.opened+1 {
					break
				}
				p.forms = append(p.forms, form{between(r, p.opened+1, last), filedBy[pick(r, 700, 250, 30, 20, 0, 0)]})
			}
			slices.SortStableFunc(p.forms, func(a, b form) int { return int(a.filed - b.filed) })
			random = append(random, p)
		}
	}
	slices.SortStableFunc(random, func(a, b procedure) int { return int(a.opened - b.opened) })
	w.procedures = append(w.procedures, random...)
	for i := range w.procedures {
		w.procedures[i].id = fmt.Sprintf("NK%05d", i+1)
	}
}

var trainingTitles = []string{
	"Teczka asystenta rodziny. Rola i zadania asystenta rodziny",
	"Wspomaganie więzi rodzinnych i deinstytucjonalizacja pieczy zastępczej",
	"Bezpieczeństwo informacji i cyberbezpieczeństwo w jednostkach pomocy społecznej",
	"Praca z rodziną doświadczającą przemocy domowej – procedura „Niebieskie Karty” po zmianach",
	"Dziecko z FASD w rodzinie – rozpoznanie i wsparcie",
	"Motywowanie do zmiany w pracy z rodziną",
	"Ustawa „Za życiem” – zadania asystenta rodziny jako koordynatora",
	"Wypalenie zawodowe w zawodach pomocowych",
	"Dokumentacja pracy z rodziną i ocena sytuacji rodziny",
	"Komunikacja z rodziną w sytuacji kryzysu",
	"Uzależnienia behawioralne dzieci i młodzieży",
	"Ochrona danych osobowych w pracy asystenta rodziny",
}

var trainingOrganisers = []string{
	"Powiatowe Centrum Pomocy Rodzinie w Przykładowie",
	"Regionalny Ośrodek Polityki Społecznej w Przykładowie Wielkim",
	"Urząd Marszałkowski Województwa Przykładowego",
	"Fundacja Rozwoju Kompetencji Społecznych",
	"Centrum Szkoleń Pomocy Społecznej „Przykład” sp. z o.o.",
	"Urząd Gminy Przykładowo",
}

func (w *world) genTrainings() {
	n := 0
	for y := w.p.FirstYear; y <= w.p.LastYear; y++ {
		var ys []training
		for range w.p.TrainingsPerYear {
			r := w.rng(sTraining, n)
			n++
			t := training{asst: -1, title: trainingTitles[r.IntN(len(trainingTitles))], organiser: trainingOrganisers[r.IntN(len(trainingOrganisers))]}
			t.held = between(r, mkDate(y, 1, 15), mkDate(y, 12, 10))
			if !chance(r, 150) {
				var emp []int
				for ai, a := range w.assistants {
					if a.from <= t.held && (a.to == noDate || a.to >= t.held) {
						emp = append(emp, ai)
					}
				}
				if len(emp) > 0 {
					t.asst = emp[r.IntN(len(emp))]
				}
			}
			switch pick(r, 550, 350, 100) {
			case 0:
				t.paidBy, t.cost = "free", 0
			case 1:
				t.paidBy, t.cost = "ops", int64(25+r.IntN(126))*1000
			default:
				t.paidBy, t.cost = "other", -1
			}
			ys = append(ys, t)
		}
		slices.SortStableFunc(ys, func(a, b training) int { return int(a.held - b.held) })
		w.trainings = append(w.trainings, ys...)
	}
	for i := range w.trainings {
		w.trainings[i].id = fmt.Sprintf("SZ%04d", i+1)
	}
}

type activityKind struct {
	kind   string
	weight int
	titles []string
	lo, hi int // participants; lo < 0 = not recorded (NULL)
}

var activityKinds = []activityKind{
	{"pcpr_meeting", 300, []string{
		"Spotkanie w PCPR – ocena sytuacji dziecka umieszczonego w pieczy zastępczej",
		"Spotkanie z koordynatorem rodzinnej pieczy zastępczej",
		"Posiedzenie zespołu ds. okresowej oceny sytuacji dziecka",
	}, -1, -1},
	{"leisure", 300, []string{
		"Wycieczka do zagrody edukacyjnej dla dzieci z rodzin objętych wsparciem",
		"Mikołajki dla dzieci z rodzin objętych wsparciem Ośrodka",
		"Piknik rodzinny „Rodzina na start”",
		"Wyjazd do kina i teatru dla dzieci i rodziców",
		"Kulig z animacjami dla dzieci w czasie ferii zimowych",
	}, 15, 60},
	{"workshop", 200, []string{
		"Warsztaty umiejętności wychowawczych dla rodziców",
		"Warsztaty „Budżet domowy bez tajemnic”",
		"Zajęcia psychoedukacyjne dla dzieci i młodzieży",
	}, 6, 20},
	{"zi_working_group", 200, []string{
		"Posiedzenie grupy diagnostyczno-pomocowej Zespołu Interdyscyplinarnego",
	}, 3, 8},
}

func (w *world) genActivities() {
	n := 0
	weights := make([]int, len(activityKinds))
	for i, k := range activityKinds {
		weights[i] = k.weight
	}
	for y := w.p.FirstYear; y <= w.p.LastYear; y++ {
		var ys []activity
		for range w.p.ActivitiesPerYear {
			r := w.rng(sActivity, n)
			n++
			k := activityKinds[pick(r, weights...)]
			a := activity{kind: k.kind, held: between(r, mkDate(y, 1, 8), mkDate(y, 12, 20)), title: k.titles[r.IntN(len(k.titles))], participants: -1}
			if k.lo >= 0 {
				a.participants = k.lo + r.IntN(k.hi-k.lo+1)
			}
			ys = append(ys, a)
		}
		slices.SortStableFunc(ys, func(a, b activity) int { return int(a.held - b.held) })
		w.activities = append(w.activities, ys...)
	}
	for i := range w.activities {
		w.activities[i].id = fmt.Sprintf("DZ%04d", i+1)
	}
}

// genExpenditure books the costs of the tasks by source: assistants' pay each
// month (and the state programme „Asystent rodziny” twice a year), paid
// trainings, day centres, supporting families' refunds, foster-care charges on
// the day the county was paid, and the gmina's summer leisure.
func (w *world) genExpenditure() {
	var ex []expenditure
	add := func(task, source string, d date, amount int64, note string) {
		if amount > 0 {
			ex = append(ex, expenditure{task: task, source: source, spent: d, amount: amount, note: note})
		}
	}
	r := w.rng(sExpenditure, 0)
	for y := w.p.FirstYear; y <= w.p.LastYear; y++ {
		var yearAsst int64
		for m := 1; m <= 12; m++ {
			ms, me := mkDate(y, m, 1), mkDate(y, m, daysIn(y, m))
			var pay int64
			for _, a := range w.assistants {
				if a.from > me || (a.to != noDate && a.to < ms) {
					continue
				}
				base := int64(7200+350*(y-2022)) * 100
				switch a.fte {
				case "0.75":
					base = base * 3 / 4
				case "0.5":
					base /= 2
				case "":
					base = int64(5200+300*(y-2022)) * 100
				}
				pay += base + int64(r.IntN(40000))
			}
			yearAsst += pay
			add("assistant", "gmina", mkDate(y, m, 28), pay, fmt.Sprintf("wynagrodzenia asystentów rodziny – %02d/%d", m, y))
			for _, c := range w.centres {
				if c.opened > me || (c.closed != noDate && c.closed < ms) {
					continue
				}
				cost := int64(c.places) * int64(260+r.IntN(60)) * 100
				if c.runBy == "gmina" {
					add("day_centre", "gmina", mkDate(y, m, 25), cost, c.name+fmt.Sprintf(" – utrzymanie %02d/%d", m, y))
				} else if m%3 == 1 {
					add("day_centre", "gmina", mkDate(y, m, 15), 3*cost, c.name+fmt.Sprintf(" – dotacja na zadanie zlecone, %d. kwartał %d", (m+2)/3, y))
				}
			}
			var refunds int64
			for _, sc := range w.supCases {
				if sc.from <= me && (sc.to == noDate || sc.to >= ms) {
					refunds += int64(200+r.IntN(201)) * 100
				}
			}
			add("supporting_family", "gmina", mkDate(y, m, 20), refunds, fmt.Sprintf("zwrot kosztów rodzinom wspierającym – %02d/%d", m, y))
		}
		add("assistant", "state_budget", mkDate(y, 6, 30), yearAsst*15/100, fmt.Sprintf("dofinansowanie z programu „Asystent rodziny” na rok %d – I rata", y))
		add("assistant", "state_budget", mkDate(y, 11, 30), yearAsst*10/100, fmt.Sprintf("dofinansowanie z programu „Asystent rodziny” na rok %d – II rata", y))
		if y >= w.p.LastYear-1 && len(w.centres) > 1 {
			add("day_centre", "eu", mkDate(y, 9, 15), int64(w.centres[1].places)*int64(1800+r.IntN(300))*100, fmt.Sprintf("projekt EFS+ „Przykładowo dla rodzin” – zajęcia specjalistyczne w %d r.", y))
		}
		add("day_centre", "other", mkDate(y, 12, 5), int64(3000+r.IntN(2000))*100, "darowizna parafii na paczki świąteczne dla uczestników placówki")
		add("other", "gmina", mkDate(y, 7, 15), int64(4000+r.IntN(3000))*100*int64(max(1, w.p.Families/1500)), "wypoczynek letni dzieci z rodzin objętych wsparciem")
	}
	for _, t := range w.trainings {
		if t.paidBy == "ops" {
			add("assistant_training", "gmina", t.held, t.cost, "szkolenie: "+t.title)
		}
	}
	byDay := map[date]int64{}
	for _, c := range w.charges {
		byDay[c.paid] += c.amount
	}
	days := make([]date, 0, len(byDay))
	for d := range byDay {
		days = append(days, d)
	}
	slices.Sort(days)
	for _, d := range days {
		add("foster_care", "gmina", d, byDay[d], "odpłatność gminy za pobyt dzieci w pieczy zastępczej")
	}
	slices.SortStableFunc(ex, func(a, b expenditure) int { return int(a.spent - b.spent) })
	for i := range ex {
		ex[i].id = fmt.Sprintf("WY%05d", i+1)
	}
	w.expenditure = ex
}
