package samplegen

import (
	"math/rand/v2"
)

// Benefit kinds: a Polish OPS dictionary (benefit_kinds.csv). Codes are
// Polish ASCII snake_case; labels are as a report prints them.
type benefitKind struct {
	code, label, category string
	sort                  int
	pMilli                int // base chance per eligible family and year, per mille
	pattern               int
	lo, hi                int // months (monthly) or payments (times)
	// units is how many units (1 for the family, or the number of eligible
	// children) receive the benefit in year y; 0 = not eligible.
	units func(w *world, f *family, y int) int
	// months is the allowed months of year y (nil = all twelve).
	months func(w *world, f *family, y int) []int
	// amount is one payment in grosze; base is drawn once per stream.
	amount func(y, m int, base int64) int64
	base   func(r *rand.Rand, y int) int64
}

const (
	patMonthly = iota // consecutive months, lo–hi of them, per unit
	patOnce           // one payment per unit
	patTimes          // lo–hi payments in random months, per unit
)

var allMonths = []int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}
var schoolMonths = []int{1, 2, 3, 4, 5, 6, 9, 10, 11, 12}

func fixed(a int64) func(int, int, int64) int64 { return func(int, int, int64) int64 { return a } }
func asBase(y, m int, b int64) int64            { return b }
func rangeZl(lo, hi int) func(*rand.Rand, int) int64 {
	return func(r *rand.Rand, _ int) int64 { return int64(lo+r.IntN(hi-lo+1)) * 100 }
}

// kids counts children (not yet 18) on some day of year y.
func kidsIn(f *family, y int) int {
	a, b := mkDate(y, 1, 1), mkDate(y, 12, 31)
	n := 0
	for _, p := range f.persons {
		if p.role == roleChild && p.birth <= b && p.birth.turns18() > a {
			n++
		}
	}
	return n
}

func newborns(f *family, y int) int {
	n := 0
	for _, p := range f.persons {
		if p.role == roleChild && p.birth.year() == y {
			n++
		}
	}
	return n
}

// aged counts children aged [lo, hi] on 1 September of year y.
func aged(f *family, y, lo, hi int) int {
	d := mkDate(y, 9, 1)
	n := 0
	for _, p := range f.persons {
		if p.role == roleChild && p.birth.addYears(lo) <= d && p.birth.addYears(hi+1) > d {
			n++
		}
	}
	return n
}

func hasOther(f *family) bool {
	for _, p := range f.persons {
		if p.role == roleOther {
			return true
		}
	}
	return false
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// fromBirth allows the months from the first birth in year y.
func fromBirth(_ *world, f *family, y int) []int {
	for _, p := range f.persons {
		if p.role == roleChild && p.birth.year() == y {
			_, m, _ := p.birth.civil()
			return allMonths[m-1:]
		}
	}
	return nil
}

// clientMonths allows the months of year y in which the family is a client.
func clientMonths(w *world, f *family, y int) []int {
	_, a, _ := maxDate(f.spanFrom, mkDate(y, 1, 1)).civil()
	b := 12
	if f.spanTo != noDate && f.spanTo.year() == y {
		_, b, _ = f.spanTo.civil()
	}
	if b < a {
		return nil
	}
	return allMonths[a-1 : b]
}

func clientSchoolMonths(w *world, f *family, y int) []int {
	var out []int
	for _, m := range clientMonths(w, f, y) {
		if m != 7 && m != 8 {
			out = append(out, m)
		}
	}
	return out
}

func clientUnit(w *world, f *family, y int) int {
	return b2i(f.clientIn(mkDate(y, 1, 1), mkDate(y, 12, 31)))
}

var benefitKinds = []benefitKind{
	{code: "zasilek_rodzinny", label: "zasiłek rodzinny", category: "family_benefit", pMilli: 200, pattern: patMonthly, lo: 6, hi: 12,
		units:  func(w *world, f *family, y int) int { return kidsIn(f, y) },
		amount: asBase, base: func(r *rand.Rand, _ int) int64 { return []int64{9500, 12400, 12400, 12400}[r.IntN(4)] }},
	{code: "dodatek_urodzenie", label: "dodatek z tytułu urodzenia dziecka", category: "family_benefit", pMilli: 450, pattern: patOnce,
		units: func(w *world, f *family, y int) int { return newborns(f, y) }, months: fromBirth, amount: fixed(100000)},
	{code: "dodatek_urlop_wychowawczy", label: "dodatek z tytułu opieki nad dzieckiem w okresie korzystania z urlopu wychowawczego", category: "family_benefit", pMilli: 60, pattern: patMonthly, lo: 3, hi: 12,
		units: func(w *world, f *family, y int) int { return b2i(aged(f, y, 0, 3) > 0) }, amount: fixed(40000)},
	{code: "dodatek_samotne_wychowywanie", label: "dodatek z tytułu samotnego wychowywania dziecka", category: "family_benefit", pMilli: 300, pattern: patMonthly, lo: 6, hi: 12,
		units: func(w *world, f *family, y int) int { return b2i(f.single == "true" && kidsIn(f, y) > 0) }, amount: asBase,
		base: func(r *rand.Rand, _ int) int64 { return []int64{19300, 19300, 19300, 27300}[r.IntN(4)] }},
	{code: "dodatek_wielodzietnosc", label: "dodatek z tytułu wychowywania dziecka w rodzinie wielodzietnej", category: "family_benefit", pMilli: 400, pattern: patMonthly, lo: 6, hi: 12,
		units: func(w *world, f *family, y int) int { return b2i(kidsIn(f, y) >= 3) }, amount: fixed(9500)},
	{code: "dodatek_ksztalcenie_rehabilitacja", label: "dodatek z tytułu kształcenia i rehabilitacji dziecka niepełnosprawnego", category: "family_benefit", pMilli: 500, pattern: patMonthly, lo: 8, hi: 12,
		units: func(w *world, f *family, y int) int { return b2i(f.disabled && kidsIn(f, y) > 0) }, amount: asBase,
		base: func(r *rand.Rand, _ int) int64 { return []int64{9000, 11000}[r.IntN(2)] }},
	{code: "dodatek_rozpoczecie_roku_szkolnego", label: "dodatek z tytułu rozpoczęcia roku szkolnego", category: "family_benefit", pMilli: 300, pattern: patOnce,
		units:  func(w *world, f *family, y int) int { return aged(f, y, 6, 17) },
		months: func(*world, *family, int) []int { return []int{9, 10} }, amount: fixed(10000)},
	{code: "dodatek_nauka_poza_miejscem_zamieszkania", label: "dodatek z tytułu podjęcia przez dziecko nauki w szkole poza miejscem zamieszkania", category: "family_benefit", pMilli: 80, pattern: patMonthly, lo: 6, hi: 10,
		units: func(w *world, f *family, y int) int { return aged(f, y, 15, 17) }, months: func(*world, *family, int) []int { return schoolMonths }, amount: asBase,
		base: func(r *rand.Rand, _ int) int64 { return []int64{6900, 11300}[r.IntN(2)] }},
	{code: "jednorazowa_zapomoga_urodzenie", label: "jednorazowa zapomoga z tytułu urodzenia się dziecka („becikowe”)", category: "family_benefit", pMilli: 700, pattern: patOnce,
		units: func(w *world, f *family, y int) int { return newborns(f, y) }, months: fromBirth, amount: fixed(100000)},
	{code: "swiadczenie_rodzicielskie", label: "świadczenie rodzicielskie", category: "family_benefit", pMilli: 150, pattern: patMonthly, lo: 4, hi: 12,
		units: func(w *world, f *family, y int) int { return b2i(newborns(f, y) > 0) }, months: fromBirth, amount: fixed(100000)},
	{code: "swiadczenie_pielegnacyjne", label: "świadczenie pielęgnacyjne", category: "family_benefit", pMilli: 400, pattern: patMonthly, lo: 10, hi: 12,
		units: func(w *world, f *family, y int) int { return b2i(f.disabled) }, amount: func(y, m int, _ int64) int64 { return carerAllowance(y) }},
	{code: "zasilek_pielegnacyjny", label: "zasiłek pielęgnacyjny", category: "family_benefit", pMilli: 900, pattern: patMonthly, lo: 10, hi: 12,
		units: func(w *world, f *family, y int) int { return b2i(f.disabled) }, amount: fixed(21584)},
	{code: "specjalny_zasilek_opiekunczy", label: "specjalny zasiłek opiekuńczy", category: "family_benefit", pMilli: 50, pattern: patMonthly, lo: 6, hi: 12,
		units: func(w *world, f *family, y int) int { return b2i(hasOther(f)) }, amount: fixed(62000)},
	{code: "zasilek_dla_opiekuna", label: "zasiłek dla opiekuna", category: "other", pMilli: 15, pattern: patMonthly, lo: 12, hi: 12,
		units: func(w *world, f *family, y int) int { return b2i(hasOther(f)) }, amount: fixed(62000)},
	{code: "swiadczenie_za_zyciem", label: "jednorazowe świadczenie z tytułu urodzenia się dziecka „Za życiem”", category: "other", pMilli: 12, pattern: patOnce,
		units: func(w *world, f *family, y int) int { return newborns(f, y) }, months: fromBirth, amount: fixed(400000)},
	{code: "fundusz_alimentacyjny", label: "świadczenie z funduszu alimentacyjnego", category: "alimony_fund", pMilli: 250, pattern: patMonthly, lo: 8, hi: 12,
		units: func(w *world, f *family, y int) int {
			if f.single != "true" {
				return 0
			}
			return kidsIn(f, y)
		},
		amount: func(y, m int, b int64) int64 {
			if y*12+m >= 2024*12+10 { // the limit rose from 500 to 1000 zł in October 2024
				return min(b*3/2, 100000)
			}
			return b
		}, base: rangeZl(300, 500)},
	{code: "zasilek_staly", label: "zasiłek stały", category: "social_assistance", pMilli: 120, pattern: patMonthly, lo: 6, hi: 12,
		units: clientUnit, months: clientMonths, amount: asBase,
		base: func(r *rand.Rand, y int) int64 {
			hi := 719
			if y >= 2024 {
				hi = 1000
			} else if y < 2022 {
				hi = 645
			}
			return int64(200+r.IntN(hi-199)) * 100
		}},
	{code: "zasilek_okresowy", label: "zasiłek okresowy", category: "social_assistance", pMilli: 400, pattern: patMonthly, lo: 2, hi: 6,
		units: clientUnit, months: clientMonths, amount: asBase, base: rangeZl(150, 800)},
	{code: "zasilek_celowy", label: "zasiłek celowy", category: "social_assistance", pMilli: 900, pattern: patTimes, lo: 1, hi: 4,
		units: clientUnit, months: clientMonths, amount: asBase, base: func(r *rand.Rand, _ int) int64 { return int64(10+r.IntN(71)) * 1000 }},
	{code: "specjalny_zasilek_celowy", label: "specjalny zasiłek celowy", category: "social_assistance", pMilli: 60, pattern: patTimes, lo: 1, hi: 2,
		units: clientUnit, months: clientMonths, amount: asBase, base: func(r *rand.Rand, _ int) int64 { return int64(20+r.IntN(81)) * 1000 }},
	{code: "posilek_w_szkole", label: "posiłek w szkole w ramach programu „Posiłek w szkole i w domu”", category: "social_assistance", pMilli: 500, pattern: patMonthly, lo: 5, hi: 10,
		units: func(w *world, f *family, y int) int {
			if clientUnit(w, f, y) == 0 {
				return 0
			}
			return aged(f, y, 6, 17)
		}, months: clientSchoolMonths, amount: asBase, base: rangeZl(60, 250)},
	{code: "dodatek_oslonowy", label: "dodatek osłonowy", category: "other", pMilli: 250, pattern: patTimes, lo: 1, hi: 2,
		units:  func(w *world, f *family, y int) int { return b2i(y == 2022 || y == 2023) },
		months: func(*world, *family, int) []int { return []int{3, 4, 5, 6, 10, 11, 12} }, amount: asBase, base: rangeZl(400, 1150)},
}

func init() {
	for i := range benefitKinds {
		benefitKinds[i].sort = (i + 1) * 10
	}
}

// carerAllowance is the monthly świadczenie pielęgnacyjne of year y, in grosze.
func carerAllowance(y int) int64 {
	switch {
	case y <= 2021:
		return 197100
	case y == 2022:
		return 211900
	case y == 2023:
		return 245800
	case y == 2024:
		return 298800
	}
	return 328700 + int64(y-2025)*15000
}

// meanMilli is the expected number of rows of one stream, in thousandths.
func (k *benefitKind) meanMilli(allowed int) int64 {
	switch k.pattern {
	case patOnce:
		return 1000
	case patTimes:
		return int64(k.lo+k.hi) * 500
	}
	var s int64
	for c := k.lo; c <= k.hi; c++ {
		s += int64(min(c, allowed))
	}
	return s * 1000 / int64(k.hi-k.lo+1)
}

type benefitRow struct {
	kind   string
	fam    int // -1 = NULL
	paid   date
	amount int64
}

// benefitScale returns, per year, the factor (in thousandths) that multiplies
// every kind's chance so that the year has about BenefitsPerYear rows.
func (w *world) benefitScale(y int) int64 {
	var e int64 // expected rows at scale 1, in millionths
	for fi := range w.fams {
		f := &w.fams[fi]
		for ki := range benefitKinds {
			k := &benefitKinds[ki]
			u := k.units(w, f, y)
			if u == 0 {
				continue
			}
			allowed := 12
			if k.months != nil {
				allowed = len(k.months(w, f, y))
				if allowed == 0 {
					continue
				}
			}
			e += int64(k.pMilli) * int64(u) * k.meanMilli(allowed)
		}
	}
	target := int64(w.p.BenefitsPerYear - len(w.plantedBenefits(y)) - w.noFamilyMeals())
	if e == 0 || target <= 0 {
		return 0
	}
	return target * 1_000_000_000 / e
}

// noFamilyMeals is the expected number of school meals a year paid at a
// head teacher's request, without a family interview (family_id NULL).
func (w *world) noFamilyMeals() int { return 4 * max(1, w.p.Families/500) * 3 }

// benefitsOfYear calls emit for every benefit paid in year y: planted ones,
// then family by family, kind by kind, then the meals without a family.
func (w *world) benefitsOfYear(y int, emit func(benefitRow)) {
	for _, b := range w.plantedBenefits(y) {
		emit(b)
	}
	scale := w.benefitScale(y)
	pcg := rand.NewPCG(0, 0)
	r := rand.New(pcg)
	for fi := range w.fams {
		f := &w.fams[fi]
		pcg.Seed(w.seeds(sBenefit, uint64(y)<<32^uint64(fi)))
		for ki := range benefitKinds {
			k := &benefitKinds[ki]
			u := k.units(w, f, y)
			if u == 0 {
				continue
			}
			months := allMonths
			if k.months != nil {
				months = k.months(w, f, y)
				if len(months) == 0 {
					continue
				}
			}
			x := int64(k.pMilli) * scale / 1000 // expected streams, in thousandths
			n := int(x / 1000)
			if int64(r.IntN(1000)) < x%1000 {
				n++
			}
			for range n {
				var base int64
				if k.base != nil {
					base = k.base(r, y)
				}
				day := 5 + r.IntN(20)
				for range u {
					switch k.pattern {
					case patOnce:
						m := months[r.IntN(len(months))]
						emit(benefitRow{k.code, fi, mkDate(y, m, day), k.amount(y, m, base)})
					case patTimes:
						c := k.lo + r.IntN(k.hi-k.lo+1)
						for range c {
							m := months[r.IntN(len(months))]
							emit(benefitRow{k.code, fi, mkDate(y, m, 1+r.IntN(daysIn(y, m))), k.amount(y, m, base)})
						}
					default:
						c := min(k.lo+r.IntN(k.hi-k.lo+1), len(months))
						s := r.IntN(len(months) - c + 1)
						for _, m := range months[s : s+c] {
							emit(benefitRow{k.code, fi, mkDate(y, m, min(day, daysIn(y, m))), k.amount(y, m, base)})
						}
					}
				}
			}
		}
	}
	rn := w.rng(sBenefitNoFamily, y)
	for range w.noFamilyMeals() / 3 {
		base := int64(80+rn.IntN(120)) * 100
		c := 2 + rn.IntN(3)
		s := rn.IntN(len(schoolMonths) - c + 1)
		for _, m := range schoolMonths[s : s+c] {
			emit(benefitRow{"posilek_w_szkole", -1, mkDate(y, m, 20), base})
		}
	}
}
