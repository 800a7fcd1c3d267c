// Package reporttest builds a realistic, fully synthetic report input — a
// gmina with every built-in indicator of DATA-CONTRACT.md §2 and a few partner
// indicators, over several years — for the tests of the report renderers.
// No real person or gmina data: the gmina "Zielonka Dolna" does not exist.
package reporttest

import (
	"fmt"
	"time"

	"github.com/gpwr/gpwr/internal/config"
	"github.com/gpwr/gpwr/model"
	"github.com/gpwr/gpwr/render/report"
)

// ConfigTOML is the fixture gmina's configuration file.
const ConfigTOML = `
[gmina]
nazwa = "Zielonka Dolna"
teryt = "2699011"
rada  = "Rada Gminy Zielonka Dolna"
wojt  = "Wójt Gminy Zielonka Dolna"
powiat = "zielonkowski"

[ops]
nazwa      = "Gminny Ośrodek Pomocy Społecznej w Zielonce Dolnej"
adres      = "ul. Źródlana 5, 26-999 Zielonka Dolna"
kierownik  = "mgr Joanna Przykładowa"
stanowisko = "Kierownik"
sporzadzil = "Anna Wzorcowa, starszy asystent rodziny"
telefon    = "41 000 00 00"
email      = "gops@zielonka.example"

[program]
nazwa   = "Gminny Program Wspierania Rodziny na lata 2023–2025"
uchwala = "Nr XL/312/2022 Rady Gminy Zielonka Dolna z dnia 29 grudnia 2022 r."
od = 2023
do = 2025

[[program.cel]]
nazwa = "Wspieranie rodzin przeżywających trudności w wypełnianiu funkcji opiekuńczo-wychowawczych"

  [[program.cel.dzialanie]]
  nazwa = "Praca socjalna i pomoc finansowa dla rodzin z dziećmi"
  realizator = "Gminny Ośrodek Pomocy Społecznej"
    [[program.cel.dzialanie.wskaznik]]
    kod = "praca_socjalna.rodziny"
    [[program.cel.dzialanie.wskaznik]]
    kod = "swiadczenia.rodziny_pomoc_finansowa"

  [[program.cel.dzialanie]]
  nazwa = "Przydzielenie asystenta rodziny rodzinom bezradnym w sprawach opiekuńczo-wychowawczych"
  realizator = "Gminny Ośrodek Pomocy Społecznej"
    [[program.cel.dzialanie.wskaznik]]
    kod = "asysta.rodziny"
    [[program.cel.dzialanie.wskaznik]]
    kod = "asysta.rodziny_koniec_okresu"

  [[program.cel.dzialanie]]
  nazwa = "Specjalistyczne wsparcie psychologiczne i pedagogiczne rodzin z dziećmi"
  realizator = "Poradnia Psychologiczno-Pedagogiczna"
    [[program.cel.dzialanie.wskaznik]]
    kod = "ppp.rodziny_wsparcie"
    [[program.cel.dzialanie.wskaznik]]
    kod = "ppp.grupy_wsparcia"

  [[program.cel.dzialanie]]
  nazwa = "Nadzór kuratorski nad wykonywaniem władzy rodzicielskiej"
  realizator = "Kuratorzy sądowi"
    [[program.cel.dzialanie.wskaznik]]
    kod = "kuratorzy.rodziny_nadzor"

  [[program.cel.dzialanie]]
  nazwa = "Zapewnienie dzieciom pieczy zastępczej"
  realizator = "Powiatowe Centrum Pomocy Rodzinie"
    [[program.cel.dzialanie.wskaznik]]
    kod = "pcpr.dzieci_piecza"

  [[program.cel.dzialanie]]
  nazwa = "Wspieranie osób i rodzin dotkniętych przemocą domową"
  realizator = "Zespół Interdyscyplinarny"
    [[program.cel.dzialanie.wskaznik]]
    kod = "niebieskie_karty.rodziny_z_dziecmi"

[[program.cel]]
nazwa = "Profilaktyka i promowanie różnych form spędzania czasu wolnego przez dzieci, młodzież i rodziny"

  [[program.cel.dzialanie]]
  nazwa = "Przeciwdziałanie przestępczości i uzależnieniom wśród dzieci i młodzieży"
  realizator = "Komenda Powiatowa Policji"
    [[program.cel.dzialanie.wskaznik]]
    kod = "policja.rozmowy_profilaktyczne"

  [[program.cel.dzialanie]]
  nazwa = "Programy na rzecz rodziny i upowszechnianie pozytywnych wzorców"
  realizator = "Parafie z terenu gminy"
    [[program.cel.dzialanie.wskaznik]]
    kod = "parafie.dzialania_rodziny"

  [[program.cel.dzialanie]]
  nazwa = "Imprezy sportowe i rekreacyjne dla dzieci i młodzieży"
  realizator = "Gminny Ośrodek Sportu"
    [[program.cel.dzialanie.wskaznik]]
    kod = "sport.imprezy"

[zrodla]
baza   = "sqlite:ops.db"
zwroty = "zwroty/2025"

[ustawienia]
limit_rodzin_asystenta = 15

[[partner]]
rodzaj = "ppp"
nazwa  = "Poradnia Psychologiczno-Pedagogiczna w Zielonce"
[[partner]]
rodzaj = "policja"
nazwa  = "Komenda Powiatowa Policji w Zielonce"
[[partner]]
rodzaj = "kuratorzy"
nazwa  = "Zespół Kuratorskiej Służby Sądowej w Zielonce"
[[partner]]
rodzaj = "pcpr"
nazwa  = "Powiatowe Centrum Pomocy Rodzinie w Zielonce"
[[partner]]
rodzaj = "parafie"
nazwa  = "Parafie z terenu gminy"
[[partner]]
rodzaj = "sport"
nazwa  = "Gminny Ośrodek Sportu w Zielonce Dolnej"

[tekst]
data_raportu = "2026-03-03"
miejscowosc  = "Zielonka Dolna"
`

// Config parses ConfigTOML.
func Config() *config.Config {
	c, err := config.Parse([]byte(ConfigTOML), "/fixture/gpwr.toml")
	if err != nil {
		panic(err) // the fixture is fixed text: a failure is a bug in it
	}
	return c
}

// BenefitKinds is the benefit dictionary (labels as Chmielnik prints them).
var BenefitKinds = []model.BenefitKind{
	{Code: "zasilek_rodzinny", Label: "Zasiłek rodzinny na dziecko", Category: "family_benefit", SortOrder: 1},
	{Code: "dodatek_urodzenie", Label: "Dodatek do zasiłku rodzinnego z tytułu urodzenia dziecka", Category: "family_benefit", SortOrder: 2},
	{Code: "becikowe", Label: "Jednorazowa zapomoga z tytułu urodzenia się dziecka", Category: "family_benefit", SortOrder: 3},
	{Code: "dodatek_samotne", Label: "Dodatek do zasiłku rodzinnego z tytułu samotnego wychowywania dziecka", Category: "family_benefit", SortOrder: 4},
	{Code: "dodatek_wielodzietna", Label: "Dodatek z tytułu wychowywania dziecka w rodzinie wielodzietnej", Category: "family_benefit", SortOrder: 5},
	{Code: "dodatek_szkolny", Label: "Dodatek do zasiłku rodzinnego z tytułu rozpoczęcia roku szkolnego", Category: "family_benefit", SortOrder: 6},
	{Code: "swiadczenie_rodzicielskie", Label: "Świadczenie rodzicielskie", Category: "family_benefit", SortOrder: 7},
	{Code: "swiadczenie_pielegnacyjne", Label: "Świadczenie pielęgnacyjne", Category: "family_benefit", SortOrder: 8},
	{Code: "zasilek_pielegnacyjny", Label: "Zasiłek pielęgnacyjny", Category: "family_benefit", SortOrder: 9},
	{Code: "specjalny_zasilek_opiekunczy", Label: "Specjalny zasiłek opiekuńczy", Category: "family_benefit", SortOrder: 10},
	{Code: "za_zyciem", Label: "Jednorazowe świadczenie z tytułu urodzenia się żywego dziecka „Za życiem”", Category: "other", SortOrder: 11},
	{Code: "fundusz_alimentacyjny", Label: "Świadczenia z funduszu alimentacyjnego", Category: "alimony_fund", SortOrder: 12},
	{Code: "zasilek_staly", Label: "Zasiłek stały", Category: "social_assistance", SortOrder: 13},
	{Code: "zasilek_okresowy", Label: "Zasiłek okresowy", Category: "social_assistance", SortOrder: 14},
	{Code: "zasilek_celowy", Label: "Zasiłek celowy i zasiłek celowy specjalny", Category: "social_assistance", SortOrder: 15},
}

// benefit counts and amounts (grosze) of the base year 2025.
var benefitBase = map[string][2]int64{
	"zasilek_rodzinny":             {3416, 38795600},
	"dodatek_urodzenie":            {19, 816500},
	"becikowe":                     {29, 2900000},
	"dodatek_samotne":              {167, 3179700},
	"dodatek_wielodzietna":         {606, 5677200},
	"dodatek_szkolny":              {430, 2117200},
	"swiadczenie_rodzicielskie":    {133, 12396300},
	"swiadczenie_pielegnacyjne":    {1062, 416309100},
	"zasilek_pielegnacyjny":        {4616, 99631800},
	"specjalny_zasilek_opiekunczy": {35, 2170000},
	"za_zyciem":                    {1, 400000},
	"fundusz_alimentacyjny":        {307, 17477300},
	"zasilek_staly":                {985, 110898100},
	"zasilek_okresowy":             {64, 2773700},
	"zasilek_celowy":               {92, 3074800},
}

// Set builds the indicators of year y. Years before 2025 are scaled so the
// trend charts have a shape; the figures stay internally consistent
// (splits add up to totals).
func Set(y int) *model.Set {
	p := model.YearPeriod(y)
	d := 2025 - y // 0 for 2025, 1 for 2024 …
	s := &model.Set{Period: p}
	add := func(code, label string, unit model.Unit, v int64) {
		s.Add(model.Indicator{Code: code, Label: label, Value: model.Int(v), Unit: unit, From: p.From, To: p.To, Source: model.SourceOPS})
	}
	sc := func(v int64, pct int64) int64 { // v scaled by (100 - pct*d)%
		return v * (100 - pct*int64(d)) / 100
	}
	fam, per, chi, cnt, money := model.UnitFamilies, model.UnitPersons, model.UnitChildren, model.UnitCount, model.UnitMoney

	add("asystenci.liczba", "Asystenci rodziny zatrudnieni na koniec okresu", per, 2)
	add("asystenci.liczba.umowa_o_prace", "Asystenci zatrudnieni na umowę o pracę w systemie zadaniowego czasu pracy", per, 1)
	add("asystenci.liczba.umowa_uslugi", "Asystenci zatrudnieni na umowę o świadczenie usług", per, 1)
	add("asystenci.liczba.inne", "Asystenci zatrudnieni w innej formie", per, 0)
	rodz := []int64{23, 21, 19, 18, 15}[d%5]
	add("asysta.rodziny", "Rodziny korzystające z usług asystenta rodziny", fam, rodz)
	add("asysta.rodziny_sad", "Rodziny zobowiązane przez sąd do współpracy z asystentem", fam, []int64{2, 3, 1, 2, 2}[d%5])
	add("asysta.rodziny_za_zyciem", "Rodziny objęte wsparciem asystenta na podstawie ustawy „Za życiem”", fam, []int64{1, 0, 0, 1, 0}[d%5])
	add("asysta.rodziny_koniec_okresu", "Rodziny z asystentem na koniec okresu", fam, rodz-6)
	add("asysta.dzieci", "Dzieci w rodzinach korzystających z usług asystenta", chi, rodz*2-2)
	ends := []int64{3, 2, 1, 0}
	if d == 1 {
		ends = []int64{2, 1, 2, 1}
	}
	add("asysta.zakonczone", "Rodziny, z którymi zakończono współpracę", fam, ends[0]+ends[1]+ends[2]+ends[3])
	add("asysta.zakonczone.cel_osiagniety", "Zakończenie współpracy: osiągnięcie celów", fam, ends[0])
	add("asysta.zakonczone.rezygnacja", "Zakończenie współpracy: rezygnacja rodziny", fam, ends[1])
	add("asysta.zakonczone.brak_efektow", "Zakończenie współpracy: brak efektów", fam, ends[2])
	add("asysta.zakonczone.inne", "Zakończenie współpracy: inne przyczyny", fam, ends[3])
	limitDays := int64(0)
	if y == 2025 {
		limitDays = 12
		s.Findings = append(s.Findings, model.Finding{Severity: model.Warning, Check: "asysta.limit",
			Place: "asystent A2, od 2025-10-06", Message: "asystent prowadził 16 rodzin jednocześnie przy limicie 15 (przez 12 dni)"})
	}
	add("asysta.limit_przekroczony", "Dni z przekroczonym limitem rodzin na asystenta", model.UnitDays, limitDays)

	add("placowki.liczba", "Placówki wsparcia dziennego czynne na koniec okresu", cnt, 2)
	add("placowki.miejsca", "Miejsca w placówkach wsparcia dziennego", model.UnitPlaces, 45)
	for _, f := range []struct {
		form   string
		n, pla int64
	}{{"care", 1, 30}, {"specialist", 0, 0}, {"street", 0, 0}, {"mixed", 1, 15}} {
		add("placowki.liczba."+f.form, "Placówki wsparcia dziennego w formie "+f.form, cnt, f.n)
		add("placowki.miejsca."+f.form, "Miejsca w placówkach w formie "+f.form, model.UnitPlaces, f.pla)
	}
	add("placowki.dzieci", "Dzieci uczęszczające do placówek wsparcia dziennego", chi, sc(52, 6))
	s.Lists.DayCentres = []model.DayCentre{
		{Name: "Świetlica opiekuńczo-wychowawcza „Promyk”", Form: "care", RunBy: "gmina", Places: 30},
		{Name: "Klub Młodzieżowy „Źródło”", Form: "mixed", RunBy: "commissioned", Places: 15},
	}

	add("rodziny_wspierajace.liczba", "Rodziny wspierające z umową na koniec okresu", fam, 1)
	add("rodziny_wspierajace.rodziny_objete", "Rodziny objęte pomocą rodziny wspierającej", fam, []int64{2, 1, 1, 0, 0}[d%5])

	p10, p30, p50 := []int64{4, 3, 2, 3, 2}[d%5], []int64{0, 2, 3, 2, 1}[d%5], []int64{10, 8, 7, 5, 5}[d%5]
	add("piecza.dzieci", "Dzieci w pieczy zastępczej współfinansowanej przez gminę", chi, p10+p30+p50)
	add("piecza.dzieci.10", "Dzieci w pieczy zastępczej – udział gminy 10%", chi, p10)
	add("piecza.dzieci.30", "Dzieci w pieczy zastępczej – udział gminy 30%", chi, p30)
	add("piecza.dzieci.50", "Dzieci w pieczy zastępczej – udział gminy 50%", chi, p50)
	k10, k30, k50 := p10*462512, p30*1390011, p50*2766437
	add("piecza.koszt", "Wydatki gminy na pieczę zastępczą", money, k10+k30+k50)
	add("piecza.koszt.10", "Wydatki gminy na pieczę zastępczą – udział 10%", money, k10)
	add("piecza.koszt.30", "Wydatki gminy na pieczę zastępczą – udział 30%", money, k30)
	add("piecza.koszt.50", "Wydatki gminy na pieczę zastępczą – udział 50%", money, k50)
	add("piecza.udzial_niezgodny", "Obciążenia za pieczę naliczone według niewłaściwego udziału", cnt, 0)

	var pomoc int64
	for _, k := range BenefitKinds {
		b := benefitBase[k.Code]
		add("swiadczenia."+k.Code+".liczba", k.Label+" – liczba świadczeń", cnt, sc(b[0], 4))
		add("swiadczenia."+k.Code+".kwota", k.Label+" – kwota", money, sc(b[1], 7))
		if k.Category == "social_assistance" {
			pomoc += sc(b[0], 4)
		}
	}
	s.Lists.BenefitKinds = append([]model.BenefitKind(nil), BenefitKinds...)
	add("swiadczenia.rodziny_pomoc_finansowa", "Rodziny, którym udzielono pomocy finansowej", fam, sc(470, 3))
	add("praca_socjalna.rodziny", "Rodziny objęte pracą socjalną", fam, sc(449, 2))
	add("praca_socjalna.osoby", "Osoby w rodzinach objętych pracą socjalną", per, sc(817, 2))

	exp := map[string]int64{
		"assistant.gmina": sc(8607289, 5), "assistant.state_budget": sc(4013223, 5), "assistant.eu": 0, "assistant.other": 0,
		"assistant_training.gmina": 45000, "assistant_training.state_budget": 0, "assistant_training.eu": 0, "assistant_training.other": 0,
		"day_centre.gmina": sc(6120000, 4), "day_centre.state_budget": 0, "day_centre.eu": 0, "day_centre.other": 1500000,
		"supporting_family.gmina": 240000, "supporting_family.state_budget": 0, "supporting_family.eu": 0, "supporting_family.other": 0,
		"foster_care.gmina": k10 + k30 + k50, "foster_care.state_budget": 0, "foster_care.eu": 0, "foster_care.other": 0,
		"other.gmina": 610580, "other.state_budget": 0, "other.eu": 0, "other.other": 0,
	}
	for _, task := range []string{"assistant", "assistant_training", "day_centre", "supporting_family", "foster_care", "other"} {
		var sum int64
		for _, src := range []string{"gmina", "state_budget", "eu", "other"} {
			v := exp[task+"."+src]
			sum += v
			add("wydatki."+task+"."+src, "Wydatki: "+task+" ze źródła "+src, money, v)
		}
		add("wydatki."+task, "Wydatki: "+task, money, sum)
	}

	tr := []model.Training{
		{Title: "Wspomaganie więzi rodzinnych i deinstytucjonalizacja pieczy zastępczej", Organiser: "Urząd Marszałkowski Województwa", HeldOn: model.D(y, 3, 14), PaidBy: "free"},
		{Title: "Teczka asystenta rodziny. Rola i zadania asystenta rodziny", Organiser: "Fundacja Rozwoju Demokracji Lokalnej", HeldOn: model.D(y, 5, 22), CostGr: model.Int(45000), PaidBy: "ops"},
		{Title: "Bezpieczeństwo informacji i cyberbezpieczeństwo", Organiser: "Urząd Gminy Zielonka Dolna", HeldOn: model.D(y, 9, 8), PaidBy: "other"},
		{Title: "Dofinansowanie ze środków PFRON z zakresu rehabilitacji społecznej", Organiser: "Powiatowe Centrum Pomocy Rodzinie w Zielonce", HeldOn: model.D(y, 11, 19), PaidBy: "free"},
	}
	s.Lists.Trainings = tr
	add("szkolenia.liczba", "Szkolenia asystentów rodziny", cnt, int64(len(tr)))

	s.Lists.ActivityKinds = []string{"leisure", "pcpr_meeting"}
	add("dzialania.pcpr_meeting.liczba", "Spotkania z koordynatorami pieczy zastępczej PCPR", cnt, 3)
	add("dzialania.pcpr_meeting.uczestnicy", "Uczestnicy spotkań z koordynatorami PCPR", per, 2)
	add("dzialania.leisure.liczba", "Wycieczki i imprezy dla dzieci", cnt, 5)
	add("dzialania.leisure.uczestnicy", "Uczestnicy wycieczek i imprez", per, sc(178, 5))

	nk := map[string]int64{"police": 38, "ops": 7, "education": 4, "health": 1, "gkrpa": 1, "other": 0}
	var nks int64
	for _, by := range []string{"police", "ops", "education", "health", "gkrpa", "other"} {
		v := sc(nk[by], 5)
		nks += v
		add("niebieskie_karty.formularze."+by, "Formularze Niebieska Karta – "+by, cnt, v)
	}
	add("niebieskie_karty.formularze", "Formularze Niebieska Karta", cnt, nks)
	add("niebieskie_karty.rodziny", "Rodziny z formularzem Niebieska Karta", fam, nks-6)
	add("niebieskie_karty.rodziny_z_dziecmi", "Rodziny z dziećmi objęte procedurą Niebieska Karta", fam, 14)
	add("niebieskie_karty.procedury_zakonczone", "Zakończone procedury Niebieska Karta", cnt, sc(38, 5))

	add("klienci.rodziny_z_dziecmi", "Rodziny z dziećmi wśród klientów OPS", fam, sc(118, 3))
	add("klienci.rodziny_niepelne", "Rodziny niepełne wśród klientów OPS", fam, sc(40, 3))
	add("klienci.rodziny_wielodzietne", "Rodziny wielodzietne wśród klientów OPS", fam, sc(14, 3))

	read := time.Date(y+1, 2, 20, 9, 30, 0, 0, time.UTC)
	s.Sources = append(s.Sources, model.Source{Name: "ops", Kind: "sqlite", Where: "ops.db", ReadAt: read,
		SHA256: "3f1c9a52d0e84b7f6a2c1e9d8b7a6f5e4d3c2b1a09f8e7d6c5b4a3928170615f"})

	// Partner returns (only in the years the gmina asked for them).
	if y >= 2023 {
		pp := func(code, label, file string, unit model.Unit, v *int64, text, remark string) {
			s.Add(model.Indicator{Code: code, Label: label, Value: v, Text: text, Unit: unit, From: p.From, To: p.To, Source: file, Remark: remark})
		}
		ppp := fmt.Sprintf("ppp_%d.csv", y)
		pp("ppp.rodziny_wsparcie", "Liczba rodzin z dziećmi z terenu gminy, którym udzielono wsparcia", ppp, fam, model.Int(sc(35, 4)), "", "")
		pp("ppp.porady", "Liczba udzielonych porad psychologiczno-pedagogicznych", ppp, cnt, model.Int(sc(35, 4)), "", "")
		pp("ppp.grupy_wsparcia", "Liczba prowadzonych grup wsparcia", ppp, cnt, model.Int(0), "", "grupa się nie zawiązała")
		pol := fmt.Sprintf("policja_%d.xlsx", y)
		pp("policja.rozmowy_profilaktyczne", "Liczba rozmów profilaktycznych w szkołach", pol, cnt, model.Int(sc(33, 5)), "", "")
		pp("policja.dzielnicowi", "Liczba dzielnicowych pracujących na terenie gminy", pol, per, model.Int(6), "", "")
		pp("policja.niebieskie_karty", "Liczba procedur Niebieska Karta wszczętych przez Policję", pol, cnt, model.Int(sc(38, 5)), "", "")
		pp("policja.interwencje_domowe", "Liczba interwencji domowych", pol, cnt, nil, "", "Komenda nie prowadzi rejestru w podziale na gminy")
		kur := fmt.Sprintf("kuratorzy_%d.csv", y)
		pp("kuratorzy.rodziny_nadzor", "Liczba rodzin z dziećmi objętych nadzorem kuratora", kur, fam, model.Int(sc(31, 3)), "", "")
		pp("kuratorzy.nadzory_nowe", "Liczba nowych nadzorów orzeczonych w roku", kur, cnt, model.Int(7), "", "")
		par := fmt.Sprintf("parafie_%d.csv", y)
		pp("parafie.dzialania_rodziny", "Liczba działań na rzecz rodzin", par, model.UnitText, nil, "rejestry nie są prowadzone", "")
		for _, f := range []string{ppp, pol, kur, par} {
			s.Sources = append(s.Sources, model.Source{Name: f, Kind: "partner", Where: fmt.Sprintf("zwroty/%d/%s", y, f), ReadAt: read,
				SHA256: fmt.Sprintf("%064x", len(f)*7919+y)})
		}
	}
	s.Sort()
	return s
}

// PublicationInput is Input in publication mode, with 2 families obliged by
// the court (asysta.rodziny_sad) in 2024: a value hidden as "<3" in a past
// year, beside 2022, a year with no data at all.
func PublicationInput() report.Input {
	in := Input()
	in.Cfg.Ustawienia.Publikacja = true
	for _, h := range in.History {
		if h.Period.Year == 2024 {
			ind, _ := h.Get("asysta.rodziny_sad")
			ind.Value = model.Int(2)
			h.Add(ind)
		}
	}
	return in
}

// Input is a complete report input for 2025 with history 2021–2024 (2022
// missing, to exercise gaps). PCPR and the sport centre sent nothing: the
// current year holds their codes without values, with the catalog's labels.
func Input() report.Input {
	cfg := Config()
	var missing []config.Partner
	for _, p := range cfg.Partnerzy {
		if p.Rodzaj == "pcpr" || p.Rodzaj == "sport" {
			missing = append(missing, p)
		}
	}
	// As the pipeline does for partners who sent nothing: their codes with
	// the catalog's labels and no value.
	cur := Set(2025)
	for _, ph := range []struct {
		code, label string
		unit        model.Unit
	}{
		{"pcpr.dzieci_piecza", "Liczba dzieci z terenu gminy umieszczonych w pieczy zastępczej", model.UnitChildren},
		{"pcpr.dzieci_powroty", "Liczba dzieci, które w roku sprawozdawczym powróciły z pieczy zastępczej do rodziny", model.UnitChildren},
		{"sport.imprezy", "Liczba imprez sportowo-rekreacyjnych dla dzieci i młodzieży (w ciągu roku)", model.UnitCount},
	} {
		cur.Add(model.Indicator{Code: ph.code, Label: ph.label, Unit: ph.unit, From: cur.Period.From, To: cur.Period.To})
	}
	cur.Sort()
	return report.Input{
		Cfg:       cfg,
		Current:   cur,
		History:   []*model.Set{Set(2021), Set(2023), Set(2024)},
		Missing:   missing,
		Synthetic: true,
		Generated: time.Date(2026, 3, 3, 10, 0, 0, 0, time.UTC),
	}
}
