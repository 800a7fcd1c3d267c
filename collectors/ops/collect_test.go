package ops

import (
	"context"
	"testing"

	"github.com/gpwr/gpwr/model"
)

// base holds the families and persons every case refers to.
//
//	F1: P11 born 2007-01-01 (turns 18 on 2025-01-01), P12 born 2007-01-02, P13 adult
//	F2: P21 born 2025-12-31, P22 born 2026-01-05 (not yet born in 2025)
//	F3: single parent P31 with three children P32–P34
//	F5: P51 born 2025-06-01, P52 born 2010
//	F6, F7: one person each born 2008-02-29
//	F8: parent P81 and child P82
var base = map[string]string{
	"families": `id,locality,single_parent
		F1,urban,
		F2,rural,false
		F3,urban,true
		F4,,
		F5,rural,
		F6,,
		F7,,
		F8,urban,false`,
	"persons": `id,family_id,birth_date,role
		P11,F1,2007-01-01,child
		P12,F1,2007-01-02,child
		P13,F1,1980-05-05,parent
		P21,F2,2025-12-31,child
		P22,F2,2026-01-05,child
		P31,F3,1985-01-01,parent
		P32,F3,2015-01-01,child
		P33,F3,2016-01-01,child
		P34,F3,2018-01-01,child
		P41,F4,1970-01-01,parent
		P51,F5,2025-06-01,child
		P52,F5,2010-05-05,child
		P61,F6,2008-02-29,child
		P71,F7,2008-02-29,child
		P81,F8,1990-01-01,parent
		P82,F8,2020-01-01,child`,
	"assistants": `id,employment,fte,employed_from,employed_to
		A1,task_time_contract,1.0,2020-01-01,
		A2,service_contract,,2021-01-01,2025-12-31
		A3,other,0.5,2022-01-01,2025-12-30
		A4,task_time_contract,1,2026-01-01,`,
	"benefit_kinds": `code,label,category,sort_order
		zasilek_rodzinny,Zasiłek rodzinny,family_benefit,1
		zasilek_staly,Zasiłek stały,social_assistance,2
		fundusz_alimentacyjny,Fundusz alimentacyjny,alimony_fund,3`,
}

var (
	y2025    = model.YearPeriod(2025)
	h1, _    = model.HalfPeriod(2025, 1)
	h2, _    = model.HalfPeriod(2025, 2)
	y2026    = model.YearPeriod(2026)
	h1_26, _ = model.HalfPeriod(2026, 1)
)

type check struct {
	period model.Period
	limit  int
	want   map[string]int64
	// findings expected of the given check code
	findings map[string]int
	// missing: indicators that must be present as "brak danych" (nil)
	missing []string
}

var cases = []struct {
	name   string
	tables map[string]string
	checks []check
}{
	{"assistants employed on the last day", nil, []check{
		{period: y2025, want: map[string]int64{"asystenci.liczba": 2, "asystenci.liczba.umowa_o_prace": 1, "asystenci.liczba.umowa_uslugi": 1, "asystenci.liczba.inne": 0}},
		{period: h1, want: map[string]int64{"asystenci.liczba": 3, "asystenci.liczba.inne": 1}},
		{period: y2026, want: map[string]int64{"asystenci.liczba": 2, "asystenci.liczba.umowa_o_prace": 2, "asystenci.liczba.umowa_uslugi": 0}},
	}},
	{"assistance: boundaries, re-opened case, both halves", map[string]string{"assistant_cases": `id,family_id,assistant_id,started_on,ended_on,end_reason,court_ordered,za_zyciem
		C1,F1,A1,2024-03-01,2025-01-01,other,false,false
		C2,F2,A1,2025-12-31,,,false,false
		C3,F3,A1,2023-01-01,2024-12-31,goals_achieved,true,false
		C4,F4,A1,2026-01-01,,,false,false
		C5,F5,A2,2025-03-01,2025-04-30,goals_achieved,false,false
		C6,F5,A2,2025-09-01,,,true,false
		C7,F6,A3,2025-05-01,2025-08-31,no_effect,false,true`}, []check{
		{period: y2025, want: map[string]int64{"asysta.rodziny": 4, "asysta.rodziny_sad": 1, "asysta.rodziny_za_zyciem": 1, "asysta.rodziny_koniec_okresu": 2,
			"asysta.zakonczone": 3, "asysta.zakonczone.cel_osiagniety": 1, "asysta.zakonczone.brak_efektow": 1, "asysta.zakonczone.inne": 1, "asysta.zakonczone.rezygnacja": 0,
			// P12 (child on 1 Jan), P21 (born on the first active day), P52, P61 (29 Feb 2008: still a child in 2025)
			"asysta.dzieci": 4}},
		{period: h1, want: map[string]int64{"asysta.rodziny": 3, "asysta.rodziny_koniec_okresu": 1, "asysta.zakonczone": 2, "asysta.rodziny_sad": 0, "asysta.rodziny_za_zyciem": 1}},
		// F5's P51, born in June before the family's case of September, is a child in H2.
		{period: h2, want: map[string]int64{"asysta.rodziny": 3, "asysta.rodziny_koniec_okresu": 2, "asysta.zakonczone": 1, "asysta.rodziny_sad": 1, "asysta.dzieci": 4}},
		{period: y2026, want: map[string]int64{"asysta.rodziny": 3, "asysta.zakonczone": 0}},
	}},
	{"a child born on 29 February turns 18 on 28 February of a common year", map[string]string{"assistant_cases": `id,family_id,assistant_id,started_on,ended_on,end_reason,court_ordered,za_zyciem
		C1,F7,A1,2026-02-28,,,false,false
		C2,F6,A1,2026-02-27,,,false,false`}, []check{
		{period: y2026, want: map[string]int64{"asysta.rodziny": 2, "asysta.dzieci": 1}},
		{period: h1_26, want: map[string]int64{"asysta.dzieci": 1}},
	}},
	{"assistant above the limit", map[string]string{"assistant_cases": `id,family_id,assistant_id,started_on,ended_on,end_reason,court_ordered,za_zyciem
		C1,F1,A1,2025-03-01,2025-03-12,other,false,false
		C2,F2,A1,2025-03-10,2025-03-31,other,false,false
		C3,F3,A1,2025-03-05,,,false,false
		C4,F4,A2,2025-03-11,2025-03-13,other,false,false
		C5,F5,A2,2025-03-11,2025-03-13,other,false,false
		C6,F6,A2,2025-03-01,2025-03-31,other,false,false
		C7,F8,A1,2025-12-31,,,false,false
		C8,F5,A1,2025-12-01,,,false,false`}, []check{
		// A1 has 3 cases on 10–12 March and again 3 on 31 December; A2 on 11–13 March.
		{period: y2025, limit: 2, want: map[string]int64{"asysta.limit_przekroczony": 5}, findings: map[string]int{"asysta.limit": 3}},
		{period: h2, limit: 2, want: map[string]int64{"asysta.limit_przekroczony": 1}, findings: map[string]int{"asysta.limit": 1}},
		{period: y2025, limit: 15, want: map[string]int64{"asysta.limit_przekroczony": 0}, findings: map[string]int{"asysta.limit": 0}},
	}},
	{"day centres open on the last day and children attending", map[string]string{
		"day_centres": `id,name,form,run_by,places,opened_on,closed_on
			D1,Świetlica „Słoneczko”,care,gmina,20,2020-01-01,
			D2,Ognisko,specialist,commissioned,15,2019-01-01,2025-12-31
			D3,Podwórko,street,gmina,10,2021-01-01,2025-06-30
			D4,Nowa,mixed,gmina,12,2026-01-01,`,
		"day_centre_attendance": `centre_id,person_id,from_date,to_date
			D1,P12,2024-09-01,2025-01-01
			D1,P52,2025-02-01,2025-05-31
			D2,P52,2025-09-01,
			D4,P61,2026-01-01,`}, []check{
		{period: y2025, want: map[string]int64{"placowki.liczba": 2, "placowki.liczba.care": 1, "placowki.liczba.specialist": 1, "placowki.liczba.street": 0, "placowki.liczba.mixed": 0,
			"placowki.miejsca": 35, "placowki.miejsca.care": 20, "placowki.miejsca.street": 0, "placowki.dzieci": 2}},
		{period: h1, want: map[string]int64{"placowki.liczba": 3, "placowki.miejsca": 45, "placowki.liczba.street": 1, "placowki.dzieci": 2}},
		{period: h2, want: map[string]int64{"placowki.dzieci": 1}},
	}},
	{"supporting families", map[string]string{
		"supporting_families": `id,agreement_from,agreement_to
			S1,2024-01-01,
			S2,2025-01-01,2025-06-30`,
		"supporting_family_cases": `supporting_family_id,family_id,from_date,to_date
			S1,F1,2025-02-01,2025-03-01
			S1,F1,2025-10-01,
			S2,F2,2025-03-01,2025-06-30`}, []check{
		{period: y2025, want: map[string]int64{"rodziny_wspierajace.liczba": 1, "rodziny_wspierajace.rodziny_objete": 2}},
		{period: h1, want: map[string]int64{"rodziny_wspierajace.liczba": 2, "rodziny_wspierajace.rodziny_objete": 2}},
		{period: h2, want: map[string]int64{"rodziny_wspierajace.liczba": 1, "rodziny_wspierajace.rodziny_objete": 1}},
	}},
	{"foster care: shares, a share changing mid-year, wrong share", map[string]string{
		"foster_children": `person_id,first_placed_on
			P12,2024-03-15
			P52,2020-01-01`,
		"foster_placements": `person_id,form,from_date,to_date
			P12,kinship_family,2024-03-15,
			P52,care_institution,2020-01-01,
			P61,professional_family,2025-01-01,`,
		"foster_charges": `id,person_id,service_month,share_pct,amount_gr,paid_on
			K1,P12,2025-01-01,10,100000,2025-02-05
			K2,P12,2025-02-01,10,100000,2025-03-05
			K3,P12,2025-03-01,30,300000,2025-04-05
			K4,P12,2025-04-01,10,100000,2025-05-05
			K5,P52,2025-01-01,50,500000,2025-01-20
			K6,P52,2024-12-01,50,500000,2024-12-31
			K7,P61,2025-01-01,10,200000,2025-07-01
			K8,P12,2024-02-01,10,100000,2025-01-10`}, []check{
		{period: y2025, want: map[string]int64{"piecza.dzieci": 3, "piecza.dzieci.10": 2, "piecza.dzieci.30": 1, "piecza.dzieci.50": 1,
			"piecza.koszt": 1400000, "piecza.koszt.10": 600000, "piecza.koszt.30": 300000, "piecza.koszt.50": 500000,
			// K4 (10 % due 30 %), K7 (no first placement), K8 (a month before the first placement)
			"piecza.udzial_niezgodny": 3}, findings: map[string]int{"piecza.udzial": 3}},
		{period: h2, want: map[string]int64{"piecza.dzieci": 1, "piecza.koszt": 200000, "piecza.dzieci.30": 0, "piecza.udzial_niezgodny": 1}},
	}},
	{"benefits by kind", map[string]string{"benefits": `id,kind,family_id,paid_on,amount_gr
		B1,zasilek_rodzinny,F1,2025-01-01,10000
		B2,zasilek_rodzinny,F2,2025-12-31,5000
		B3,zasilek_rodzinny,F1,2024-12-31,7000
		B4,zasilek_staly,F3,2025-06-30,70000
		B5,zasilek_staly,F3,2025-07-01,70000
		B6,zasilek_staly,,2025-05-05,1000`}, []check{
		{period: y2025, want: map[string]int64{"swiadczenia.zasilek_rodzinny.liczba": 2, "swiadczenia.zasilek_rodzinny.kwota": 15000,
			"swiadczenia.zasilek_staly.liczba": 3, "swiadczenia.zasilek_staly.kwota": 141000,
			"swiadczenia.fundusz_alimentacyjny.liczba": 0, "swiadczenia.fundusz_alimentacyjny.kwota": 0,
			"swiadczenia.rodziny_pomoc_finansowa": 1,
			// F3 (benefit, single parent, three children)
			"klienci.rodziny_z_dziecmi": 1, "klienci.rodziny_niepelne": 1, "klienci.rodziny_wielodzietne": 1}},
		{period: h1, want: map[string]int64{"swiadczenia.zasilek_staly.liczba": 2, "swiadczenia.zasilek_rodzinny.liczba": 1}},
	}},
	{"social work and client families", map[string]string{"social_work": `family_id,from_date,to_date
		F1,2024-01-01,2025-01-01
		F8,2025-12-31,
		F8,2025-03-01,2025-04-01
		F4,2026-01-01,`}, []check{
		// F1's P12 is 18 on 31 December 2025: F1 has no child then; F8 has one.
		{period: y2025, want: map[string]int64{"praca_socjalna.rodziny": 2, "praca_socjalna.osoby": 5,
			"klienci.rodziny_z_dziecmi": 1, "klienci.rodziny_niepelne": 0, "klienci.rodziny_wielodzietne": 0}},
		{period: y2026, want: map[string]int64{"praca_socjalna.rodziny": 2, "praca_socjalna.osoby": 3}},
	}},
	{"expenditures, trainings, activities", map[string]string{
		"expenditures": `id,task,source,spent_on,amount_gr,note
			E1,assistant,gmina,2025-01-01,100000,
			E2,assistant,state_budget,2025-12-31,200000,dotacja
			E3,day_centre,eu,2024-12-31,50000,
			E4,assistant_training,gmina,2025-06-30,1000,`,
		"trainings": `id,assistant_id,title,organiser,held_on,cost_gr,paid_by
			T1,A1,Praca z rodziną w kryzysie,ROPS,2025-03-01,50000,ops
			T2,,Przemoc w rodzinie,PCPR,2026-01-01,,free`,
		"activities": `id,kind,held_on,participants,title
			W1,leisure,2025-06-01,20,Festyn rodzinny
			W2,leisure,2025-07-01,,Wycieczka
			W3,pcpr_meeting,2024-05-05,4,Spotkanie
			W4,zi_working_group,2025-02-02,,Grupa robocza`}, []check{
		{period: y2025, want: map[string]int64{"wydatki.assistant": 300000, "wydatki.assistant.gmina": 100000, "wydatki.assistant.state_budget": 200000,
			"wydatki.assistant.eu": 0, "wydatki.day_centre": 0, "wydatki.day_centre.eu": 0, "wydatki.assistant_training.gmina": 1000,
			"szkolenia.liczba": 1, "dzialania.leisure.liczba": 2, "dzialania.leisure.uczestnicy": 20,
			"dzialania.pcpr_meeting.liczba": 0, "dzialania.pcpr_meeting.uczestnicy": 0}},
		// W2 has no participant count: with nothing else known in H2, brak danych.
		{period: h2, want: map[string]int64{"wydatki.assistant": 200000, "wydatki.assistant_training": 0, "dzialania.leisure.liczba": 1},
			missing: []string{"dzialania.leisure.uczestnicy"}},
		{period: y2025, want: map[string]int64{"dzialania.zi_working_group.liczba": 1}, missing: []string{"dzialania.zi_working_group.uczestnicy"}},
	}},
	{"blue cards", map[string]string{
		"blue_card_procedures": `id,family_id,opened_on,closed_on,children_involved
			NK1,F1,2024-11-01,2025-02-01,true
			NK2,F2,2025-05-01,,false
			NK3,F1,2025-08-01,2026-01-10,false`,
		"blue_card_forms": `procedure_id,filed_on,filed_by
			NK1,2024-11-01,police
			NK1,2025-01-15,ops
			NK2,2025-05-01,police
			NK2,2025-05-03,education
			NK3,2025-08-01,police`}, []check{
		{period: y2025, want: map[string]int64{"niebieskie_karty.formularze": 4, "niebieskie_karty.formularze.police": 2, "niebieskie_karty.formularze.ops": 1,
			"niebieskie_karty.formularze.education": 1, "niebieskie_karty.formularze.health": 0,
			"niebieskie_karty.rodziny": 2, "niebieskie_karty.rodziny_z_dziecmi": 1, "niebieskie_karty.procedury_zakonczone": 1}},
		{period: h2, want: map[string]int64{"niebieskie_karty.formularze": 1, "niebieskie_karty.rodziny": 1, "niebieskie_karty.rodziny_z_dziecmi": 0, "niebieskie_karty.procedury_zakonczone": 0}},
	}},
}

func TestIndicators(t *testing.T) {
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			dir := writeCSVs(t, merge(base, tc.tables))
			results := map[Engine][]*model.Set{}
			for engine, db := range engines(t) {
				ro := loaded(t, db, dir)
				for _, ch := range tc.checks {
					set, err := ro.Collect(context.Background(), ch.period, Options{Limit: ch.limit})
					if err != nil {
						t.Fatalf("%s %s: %v", engine, ch.period.Key(), err)
					}
					results[engine] = append(results[engine], set)
					for code, want := range ch.want {
						got, ok := set.Value(code)
						if !ok || got != want {
							t.Errorf("%s %s %s = %d (present %v), want %d", engine, ch.period.Key(), code, got, ok, want)
						}
					}
					for _, code := range ch.missing {
						if ind, ok := set.Get(code); !ok || ind.Value != nil {
							t.Errorf("%s %s %s: want brak danych, got %v (present %v)", engine, ch.period.Key(), code, ind.Value, ok)
						}
					}
					for check, want := range ch.findings {
						n := 0
						for _, f := range set.Findings {
							if f.Check == check {
								n++
							}
						}
						if n != want {
							t.Errorf("%s %s: %d findings %s, want %d: %v", engine, ch.period.Key(), n, check, want, set.Findings)
						}
					}
				}
			}
			assertSameSets(t, results[SQLite], results[Postgres])
		})
	}
}

// roName names the database of db for a read-only reopen.
func roName(db *DB) string {
	if db.Engine == SQLite {
		return "sqlite:" + db.path
	}
	return pgDSN()
}

// assertSameSets compares every indicator and finding of two engines.
func assertSameSets(t *testing.T, a, b []*model.Set) {
	t.Helper()
	if len(a) != len(b) {
		t.Fatalf("%d sets vs %d", len(a), len(b))
	}
	for i := range a {
		if len(a[i].Indicators) != len(b[i].Indicators) {
			t.Errorf("%s: %d indicators on SQLite, %d on PostgreSQL", a[i].Period.Key(), len(a[i].Indicators), len(b[i].Indicators))
		}
		for _, ind := range a[i].Indicators {
			other, ok := b[i].Get(ind.Code)
			if !ok || !sameValue(other.Value, ind.Value) || other.Label != ind.Label {
				t.Errorf("%s %s: SQLite %v, PostgreSQL %v", a[i].Period.Key(), ind.Code, ind.Value, other.Value)
			}
		}
		if len(a[i].Findings) != len(b[i].Findings) {
			t.Errorf("%s: findings differ:\n%v\n%v", a[i].Period.Key(), a[i].Findings, b[i].Findings)
			continue
		}
		for j := range a[i].Findings {
			if a[i].Findings[j] != b[i].Findings[j] {
				t.Errorf("%s: finding %d: %v vs %v", a[i].Period.Key(), j, a[i].Findings[j], b[i].Findings[j])
			}
		}
	}
}

func sameValue(a, b *int64) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	return *a == *b
}
