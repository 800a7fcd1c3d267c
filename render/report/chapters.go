package report

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/gpwr/gpwr/model"
	"github.com/gpwr/gpwr/render/compare/yoy"
	"github.com/gpwr/gpwr/render/plfmt"
)

func (b *builder) chIntro() error {
	c := b.chapter("", "Wprowadzenie", "wprowadzenie", 1)
	if b.doc.Synthetic {
		c.add(Block{Kind: BlockNote, Text: SyntheticNote + ". Sprawozdanie nie dotyczy żadnej rzeczywistej gminy ani osoby."})
	}
	if b.pub {
		c.add(Block{Kind: BlockNote, Text: b.doc.PublicationNote})
	}
	if t := b.cfg.Tekst.Wstep; strings.TrimSpace(t) != "" {
		return b.own(c, t, "wstep")
	}
	return b.narr(c, "wstep")
}

func (b *builder) chProgram() error {
	c := b.chapter("1", "Gminny Program Wspierania Rodziny", "program", 1)
	if err := b.narr(c, "program"); err != nil {
		return err
	}
	if len(b.cfg.Program.Cele) > 0 {
		c.para("Cele programu:")
		l := &List{Ordered: true}
		for _, g := range b.cfg.Program.Cele {
			l.Items = append(l.Items, g.Nazwa)
		}
		c.add(Block{Kind: BlockList, List: l})
	}
	return nil
}

var paidBy = map[string]string{"ops": "środki Ośrodka", "free": "bezpłatne", "other": "inne źródła"}

func (b *builder) chTrainings() error {
	c := b.chapter("2", "Podnoszenie kwalifikacji asystentów rodziny", "szkolenia", 1)
	if err := b.narr(c, "szkolenia"); err != nil {
		return err
	}
	tr := b.cur.Lists.Trainings
	if len(tr) == 0 {
		return nil
	}
	t := b.newTable("tab-szkolenia", "Szkolenia", fmt.Sprintf("Szkolenia asystentów rodziny w %d r.", b.doc.Year))
	t.Columns = []Column{{Align: Right, Width: 0.6}, {Align: Left, Width: 4.4}, {Align: Left, Width: 3}, {Align: Left, Width: 1.5}, {Align: Left, Width: 1.5}, {Align: Right, Width: 1.5}}
	t.Header = [][]Cell{headerRow("Lp.", "Tytuł szkolenia", "Organizator", "Data", "Finansowanie", "Koszt")}
	var total int64
	for i, s := range tr {
		cost := Cell{Text: "—"}
		if s.CostGr != nil {
			v := *s.CostGr
			total += v
			cost = Cell{Text: plfmt.Amount(v), Value: &v, Unit: model.UnitMoney}
		}
		pb := paidBy[s.PaidBy]
		if pb == "" {
			pb = s.PaidBy
		}
		t.Rows = append(t.Rows, []Cell{text(strconv.Itoa(i+1) + "."), text("„" + s.Title + "”"), text(s.Organiser), text(plfmt.DateNum(s.HeldOn)), text(pb), cost})
	}
	tv := total
	t.Footer = [][]Cell{{boldText(""), {Text: "Razem", Bold: true, Span: 4}, {}, {}, {}, {Text: plfmt.Amount(total), Value: &tv, Unit: model.UnitMoney, Bold: true}}}
	c.table(t)
	return nil
}

func (b *builder) chCare() error {
	c := b.chapter("3", "System opieki nad dzieckiem i praca z rodziną", "opieka", 1)
	c.para("Gmina tworzy i rozwija system opieki nad dzieckiem, w tym placówki wsparcia dziennego, oraz prowadzi pracę z rodziną przeżywającą trudności opiekuńczo-wychowawcze: zapewnia wsparcie asystenta rodziny, dostęp do specjalistycznego poradnictwa i pomoc rodzin wspierających.")

	c = b.chapter("3.1", "Asystent rodziny", "asystent", 2)
	if err := b.narr(c, "asystent"); err != nil {
		return err
	}
	y := b.doc.Year
	yearEnd := plfmt.DateShort(b.cur.Period.To) // "31.12.2025 r."
	c.table(b.indicatorTable("tab-asystenci", "Asystenci", "Asystenci rodziny zatrudnieni na dzień "+yearEnd+" według formy zatrudnienia", []row{
		{"Asystenci rodziny ogółem", "asystenci.liczba", true, false},
		{"z tego: na podstawie umowy o pracę w systemie zadaniowego czasu pracy", "asystenci.liczba.umowa_o_prace", false, false},
		{"na podstawie umowy o świadczenie usług", "asystenci.liczba.umowa_uslugi", false, false},
		{"inna forma", "asystenci.liczba.inne", false, false},
	}))
	c.table(b.indicatorTable("tab-asysta", "Rodziny z asystentem", fmt.Sprintf("Rodziny objęte wsparciem asystenta rodziny w %d r.", y), []row{
		{"Rodziny, które korzystały z usług asystenta w ciągu roku", "asysta.rodziny", true, false},
		{"w tym: zobowiązane przez sąd do współpracy z asystentem", "asysta.rodziny_sad", false, false},
		{"w tym: objęte wsparciem na podstawie ustawy „Za życiem”", "asysta.rodziny_za_zyciem", false, false},
		{"Rodziny korzystające z usług asystenta na dzień " + yearEnd, "asysta.rodziny_koniec_okresu", false, false},
		{"Dzieci w rodzinach korzystających z usług asystenta", "asysta.dzieci", false, false},
		{"Rodziny, z którymi zakończono współpracę", "asysta.zakonczone", true, false},
		{"z tego ze względu na: osiągnięcie celów", "asysta.zakonczone.cel_osiagniety", false, false},
		{"zaprzestanie współpracy przez rodzinę", "asysta.zakonczone.rezygnacja", false, false},
		{"brak efektów", "asysta.zakonczone.brak_efektow", false, false},
		{"inne przyczyny (np. zmiana miejsca zamieszkania)", "asysta.zakonczone.inne", false, false},
		{fmt.Sprintf("Dni, w których przekroczono limit %d rodzin na asystenta", b.cfg.Ustawienia.LimitRodzinAsystenta), "asysta.limit_przekroczony", false, false},
	}))
	b.findingsList(c, "asysta.", "Przekroczenia limitu rodzin na asystenta")
	// The assistant's work: the director's own text, else the built-in
	// description (as Chmielnik's report describes it).
	c.add(Block{Kind: BlockHeading, Text: fmt.Sprintf("Praca asystenta rodziny w %d r.", y)})
	if t := b.cfg.Tekst.Asystent; strings.TrimSpace(t) != "" {
		if err := b.own(c, t, "asystent"); err != nil {
			return err
		}
	} else if err := b.narr(c, "asystent_praca"); err != nil {
		return err
	}
	if err := b.narr(c, "asystent_wspolpraca"); err != nil {
		return err
	}

	c = b.chapter("3.2", "Placówki wsparcia dziennego", "placowki", 2)
	if err := b.narr(c, "placowki"); err != nil {
		return err
	}
	if dc := b.cur.Lists.DayCentres; len(dc) > 0 {
		t := b.newTable("tab-placowki", "Placówki", "Placówki wsparcia dziennego czynne na dzień "+yearEnd)
		t.Columns = []Column{{Align: Right, Width: 0.6}, {Align: Left, Width: 5}, {Align: Left, Width: 2.4}, {Align: Left, Width: 2.2}, {Align: Right, Width: 1.4}}
		t.Header = [][]Cell{headerRow("Lp.", "Placówka", "Forma", "Prowadzący", "Miejsca")}
		var places int64
		for i, d := range dc {
			p := d.Places
			places += p
			run := map[string]string{"gmina": "gmina", "commissioned": "podmiot na zlecenie gminy"}[d.RunBy]
			if run == "" {
				run = d.RunBy
			}
			t.Rows = append(t.Rows, []Cell{text(strconv.Itoa(i+1) + "."), text(d.Name), text(centreForm(d.Form)), text(run), {Text: plfmt.Int(p), Value: &p, Unit: model.UnitPlaces}})
		}
		pv := places
		t.Footer = [][]Cell{{boldText(""), {Text: "Razem", Bold: true, Span: 3}, {}, {}, {Text: plfmt.Int(places), Value: &pv, Unit: model.UnitPlaces, Bold: true}}}
		c.table(t)
	}
	c.table(b.indicatorTable("tab-placowki-dzieci", "Placówki – wskaźniki", fmt.Sprintf("Placówki wsparcia dziennego i ich uczestnicy w %d r.", y), []row{
		{"Placówki czynne na dzień 31.12", "placowki.liczba", true, false},
		{"Miejsca w placówkach", "placowki.miejsca", false, false},
		{"Dzieci uczęszczające do placówek w ciągu roku", "placowki.dzieci", true, false},
	}))

	c = b.chapter("3.3", "Rodziny wspierające", "rodziny-wspierajace", 2)
	if err := b.narr(c, "rodziny_wspierajace"); err != nil {
		return err
	}
	c.table(b.indicatorTable("tab-rodziny-wspierajace", "Rodziny wspierające", fmt.Sprintf("Rodziny wspierające w %d r.", y), []row{
		{"Rodziny wspierające z umową obowiązującą na dzień 31.12", "rodziny_wspierajace.liczba", false, false},
		{"Rodziny objęte pomocą rodzin wspierających w ciągu roku", "rodziny_wspierajace.rodziny_objete", false, false},
		{"Wydatki na zwrot kosztów rodzinom wspierającym", "wydatki.supporting_family", false, false},
	}))
	return nil
}

var tasks = []struct{ code, label string }{
	{"assistant", "Asystenci rodziny (wynagrodzenia)"},
	{"assistant_training", "Szkolenia asystentów rodziny"},
	{"day_centre", "Placówki wsparcia dziennego"},
	{"supporting_family", "Rodziny wspierające"},
	{"foster_care", "Piecza zastępcza (udział gminy)"},
	{"other", "Inne zadania"},
}

var sources = []struct{ code, label string }{
	{"gmina", "Budżet gminy"}, {"state_budget", "Budżet państwa"}, {"eu", "Środki UE"}, {"other", "Inne źródła"},
}

func (b *builder) chFinance() error {
	c := b.chapter("4", "Finansowanie szkoleń i wynagrodzeń asystentów rodziny", "finansowanie", 1)
	if err := b.narr(c, "finansowanie"); err != nil {
		return err
	}
	t := b.newTable("tab-wydatki", "Wydatki", fmt.Sprintf("Wydatki na zadania z zakresu wspierania rodziny w %d r. według źródeł finansowania", b.doc.Year))
	t.Columns = []Column{{Align: Left, Width: 3.6}}
	hdr := []string{"Zadanie"}
	for _, s := range sources {
		t.Columns = append(t.Columns, Column{Align: Right, Width: 1.9, Unit: model.UnitMoney})
		hdr = append(hdr, s.label)
	}
	t.Columns = append(t.Columns, Column{Align: Right, Width: 2, Unit: model.UnitMoney})
	hdr = append(hdr, "Razem")
	t.Header = [][]Cell{headerRow(hdr...)}
	sums := make([]int64, len(sources)+1)
	known := make([]bool, len(sources)+1)
	for i := range known {
		known[i] = true
	}
	for _, tk := range tasks {
		r := []Cell{text(tk.label)}
		for i, s := range sources {
			n := b.num("wydatki." + tk.code + "." + s.code)
			r = append(r, cellOf(n))
			if n.OK {
				sums[i] += n.N
			} else {
				known[i] = false
			}
		}
		n := b.num("wydatki." + tk.code)
		r = append(r, Cell{Text: n.Text, Value: cellOf(n).Value, Missing: !n.OK, Unit: model.UnitMoney, Code: n.Code, Bold: true})
		if n.OK {
			sums[len(sources)] += n.N
		} else {
			known[len(sources)] = false
		}
		t.Rows = append(t.Rows, r)
	}
	foot := []Cell{boldText("Razem")}
	for i := range sums {
		if known[i] {
			v := sums[i]
			foot = append(foot, Cell{Text: plfmt.Amount(v), Value: &v, Unit: model.UnitMoney, Bold: true})
		} else {
			foot = append(foot, Cell{Text: plfmt.BrakDanych, Missing: true, Bold: true})
		}
	}
	t.Footer = [][]Cell{foot}
	c.table(t)
	return nil
}

func (b *builder) chFoster() error {
	c := b.chapter("5", "Współfinansowanie pobytu dziecka w pieczy zastępczej", "piecza", 1)
	if err := b.narr(c, "piecza"); err != nil {
		return err
	}
	y := b.doc.Year
	t := b.newTable("tab-piecza", "Piecza zastępcza", fmt.Sprintf("Udział gminy w wydatkach na pobyt dzieci w pieczy zastępczej w %d r.", y))
	t.Columns = []Column{{Align: Left, Width: 5}, {Align: Right, Width: 2}, {Align: Right, Width: 2.6, Unit: model.UnitMoney}}
	t.Header = [][]Cell{headerRow("Udział gminy w wydatkach", "Liczba dzieci", "Wydatki gminy")}
	for _, s := range []struct{ pct, label string }{{"10", "10 % – pierwszy rok pobytu"}, {"30", "30 % – drugi rok pobytu"}, {"50", "50 % – trzeci i kolejne lata"}} {
		t.Rows = append(t.Rows, []Cell{text(strings.Replace(s.label, " %", plfmt.NBSP+"%", 1)), b.cell("piecza.dzieci." + s.pct), b.cell("piecza.koszt." + s.pct)})
	}
	tot := []Cell{boldText("Razem"), b.cell("piecza.dzieci"), b.cell("piecza.koszt")}
	for i := range tot {
		tot[i].Bold = true
	}
	t.Footer = [][]Cell{tot}
	t.Notes = append(t.Notes, "Dziecko, za którego pobyt udział gminy zmienił się w ciągu roku, wykazano przy każdym udziale; w wierszu „Razem” liczone jest jeden raz.")
	if b.pub {
		t.Notes = append(t.Notes, b.doc.PublicationNote)
	}
	c.table(t)
	if _, ok := b.byYear[y-1]; ok {
		c.table(b.indicatorTable("tab-piecza-porownanie", "Piecza – porównanie", fmt.Sprintf("Piecza zastępcza w latach %d–%d", y-1, y), []row{
			{"Dzieci w pieczy współfinansowanej przez gminę", "piecza.dzieci", false, false},
			{"Wydatki gminy na pieczę zastępczą", "piecza.koszt", false, false},
			{"Obciążenia naliczone według niewłaściwego udziału", "piecza.udzial_niezgodny", false, false},
		}))
	}
	b.findingsList(c, "piecza.", "Obciążenia do wyjaśnienia z powiatem")
	return nil
}

func (b *builder) chCAS() error {
	c := b.chapter("6", "Sprawozdania rzeczowo-finansowe dla wojewody", "cas", 1)
	if err := b.narr(c, "cas"); err != nil {
		return err
	}
	halves := map[int]HalfYear{}
	for _, h := range b.in.Halves {
		if h.Set != nil && h.Set.Period.Kind == model.HalfYear && h.Set.Period.Year == b.doc.Year {
			halves[h.Set.Period.Half] = h
		}
	}
	if len(halves) == 0 {
		return nil
	}
	y := b.doc.Year
	t := b.newTable("tab-cas", "CAS", fmt.Sprintf("Wybrane dane ze sprawozdań półrocznych za %d r. na tle danych rocznych (stan na koniec okresu lub suma za okres)", y))
	t.Columns = []Column{{Align: Left, Width: 6}, {Align: Right, Width: 1.7}, {Align: Right, Width: 1.7}, {Align: Right, Width: 1.7}}
	t.Header = [][]Cell{headerRow("Wyszczególnienie", "I półrocze", "II półrocze", fmt.Sprintf("Rok %d", y))}
	for _, r := range casRows {
		cells := []Cell{text(r.label)}
		for _, h := range []int{1, 2} {
			if hy, ok := halves[h]; ok {
				cells = append(cells, cellOf(b.numIn(hy.Set, r.code)))
			} else {
				cells = append(cells, Cell{Text: plfmt.BrakDanych, Missing: true})
			}
		}
		cells = append(cells, cellOf(b.num(r.code)))
		t.Rows = append(t.Rows, cells)
	}
	t.Notes = append(t.Notes, "W danych rocznych rodzinę i dziecko liczy się jeden raz, także wtedy, gdy korzystały ze wsparcia w obu półroczach, dlatego wartość roczna nie jest sumą wartości półrocznych.")
	for _, h := range []int{1, 2} {
		if hy, ok := halves[h]; ok {
			t.Notes = append(t.Notes, fmt.Sprintf("Sprawozdanie za %s półrocze sporządzono w programie gpwr %s (wersja %d w archiwum).",
				map[int]string{1: "I", 2: "II"}[h], plfmt.Date(model.Date{Time: hy.Prepared}), hy.Revision))
		} else {
			t.Notes = append(t.Notes, fmt.Sprintf("Sprawozdania za %s półrocze nie ma w archiwum programu gpwr.", map[int]string{1: "I", 2: "II"}[h]))
		}
	}
	if b.pub {
		t.Notes = append(t.Notes, b.doc.PublicationNote)
	}
	c.table(t)
	return nil
}

// casRows are the figures of the half-year returns the annual report repeats.
var casRows = []row{
	{label: "Asystenci rodziny zatrudnieni w ostatnim dniu okresu", code: "asystenci.liczba"},
	{label: "Rodziny objęte wsparciem asystenta rodziny", code: "asysta.rodziny"},
	{label: "Dzieci w rodzinach objętych wsparciem asystenta", code: "asysta.dzieci"},
	{label: "Dzieci uczęszczające do placówek wsparcia dziennego", code: "placowki.dzieci"},
	{label: "Rodziny objęte pomocą rodzin wspierających", code: "rodziny_wspierajace.rodziny_objete"},
	{label: "Dzieci w pieczy zastępczej, za których pobyt gmina ponosiła wydatki", code: "piecza.dzieci"},
	{label: "Wydatki gminy na współfinansowanie pieczy zastępczej", code: "piecza.koszt"},
}

var filedBy = []struct{ code, label string }{
	{"police", "Policji"}, {"ops", "pomocy społecznej (OPS)"}, {"education", "oświaty"},
	{"health", "ochrony zdrowia"}, {"gkrpa", "GKRPA"}, {"other", "innych podmiotów"},
}

func (b *builder) chMonitoring() error {
	c := b.chapter("7", "Monitorowanie sytuacji rodzin i dzieci", "monitoring", 1)
	if err := b.narr(c, "monitoring"); err != nil {
		return err
	}
	y := b.doc.Year
	c.table(b.indicatorTable("tab-praca-socjalna", "Praca socjalna", fmt.Sprintf("Praca socjalna i rodziny klientów Ośrodka w %d r.", y), []row{
		{"Rodziny objęte pracą socjalną", "praca_socjalna.rodziny", true, false},
		{"Osoby w tych rodzinach", "praca_socjalna.osoby", false, false},
		{"Rodziny, którym udzielono pomocy finansowej", "swiadczenia.rodziny_pomoc_finansowa", false, false},
		{"Rodziny z dziećmi wśród klientów Ośrodka", "klienci.rodziny_z_dziecmi", true, false},
		{"w tym: rodziny niepełne", "klienci.rodziny_niepelne", false, false},
		{"w tym: rodziny wielodzietne (3 i więcej dzieci)", "klienci.rodziny_wielodzietne", false, false},
	}))

	c = b.chapter("7.1", "Świadczenia pieniężne", "swiadczenia", 2)
	if err := b.narr(c, "swiadczenia"); err != nil {
		return err
	}
	kinds := slices.Clone(b.cur.Lists.BenefitKinds)
	slices.SortStableFunc(kinds, func(x, y model.BenefitKind) int {
		return cmp.Or(cmp.Compare(x.SortOrder, y.SortOrder), strings.Compare(x.Code, y.Code))
	})
	if len(kinds) > 0 {
		t := b.newTable("tab-swiadczenia", "Świadczenia", fmt.Sprintf("Świadczenia pieniężne wypłacone w %d r.", y))
		t.Columns = []Column{{Align: Right, Width: 0.6}, {Align: Left, Width: 6.4}, {Align: Right, Width: 1.6}, {Align: Right, Width: 2.4, Unit: model.UnitMoney}}
		t.Header = [][]Cell{headerRow("Lp.", "Forma świadczenia", "Liczba świadczeń", "Kwota")}
		var cnt, sum int64
		cntOK, sumOK := true, true
		for i, k := range kinds {
			nc, nk := b.num("swiadczenia."+k.Code+".liczba"), b.num("swiadczenia."+k.Code+".kwota")
			if nc.OK && !nc.Hidden {
				cnt += nc.N
			} else {
				cntOK = false
			}
			if nk.OK {
				sum += nk.N
			} else {
				sumOK = false
			}
			t.Rows = append(t.Rows, []Cell{text(strconv.Itoa(i+1) + "."), text(k.Label), cellOf(nc), cellOf(nk)})
		}
		foot := []Cell{boldText(""), boldText("Razem")}
		if cntOK {
			v := cnt
			foot = append(foot, Cell{Text: plfmt.Int(cnt), Value: &v, Unit: model.UnitCount, Bold: true})
		} else {
			foot = append(foot, Cell{Text: "—", Bold: true})
		}
		if sumOK {
			v := sum
			foot = append(foot, Cell{Text: plfmt.Amount(sum), Value: &v, Unit: model.UnitMoney, Bold: true})
		} else {
			foot = append(foot, Cell{Text: plfmt.BrakDanych, Missing: true, Bold: true})
		}
		t.Footer = [][]Cell{foot}
		if b.pub {
			t.Notes = append(t.Notes, b.doc.PublicationNote)
		}
		c.table(t)
	}

	c = b.chapter("7.2", "Przeciwdziałanie przemocy domowej – procedura „Niebieskie Karty”", "niebieskie-karty", 2)
	if err := b.narr(c, "niebieskie_karty"); err != nil {
		return err
	}
	rows := []row{{"Formularze „Niebieska Karta” ogółem", "niebieskie_karty.formularze", true, false}}
	for i, f := range filedBy {
		l := f.label
		if i == 0 {
			l = "z tego sporządzone przez przedstawicieli: " + l
		}
		rows = append(rows, row{l, "niebieskie_karty.formularze." + f.code, false, true})
	}
	rows = append(rows,
		row{"Rodziny, których dotyczyły formularze", "niebieskie_karty.rodziny", true, false},
		row{"w tym rodziny, w których procedura dotyczyła dzieci", "niebieskie_karty.rodziny_z_dziecmi", false, false},
		row{"Procedury zakończone w ciągu roku", "niebieskie_karty.procedury_zakonczone", false, false})
	c.table(b.indicatorTable("tab-niebieskie-karty", "Niebieskie Karty", fmt.Sprintf("Procedura „Niebieskie Karty” w %d r.", y), rows))

	kindsA := b.cur.Lists.ActivityKinds
	if len(kindsA) > 0 {
		c = b.chapter("7.3", "Działania na rzecz rodzin", "dzialania", 2)
		t := b.newTable("tab-dzialania", "Działania", fmt.Sprintf("Działania na rzecz rodzin i dzieci w %d r.", y))
		t.Columns = []Column{{Align: Left, Width: 6}, {Align: Right, Width: 2}, {Align: Right, Width: 2}}
		t.Header = [][]Cell{headerRow("Rodzaj działania", "Liczba", "Uczestnicy")}
		for _, k := range kindsA {
			label := activityLabel(b.cur, k)
			t.Rows = append(t.Rows, []Cell{text(label), b.cell("dzialania." + k + ".liczba"), b.cell("dzialania." + k + ".uczestnicy")})
		}
		c.para(fmt.Sprintf("W %d r. Ośrodek wraz z partnerami organizował działania na rzecz rodzin i dzieci; ich liczbę oraz liczbę uczestników przedstawia tabela.", y))
		c.table(t)
	}
	return nil
}

var activityLabels = map[string]string{
	"pcpr_meeting": "Spotkania z koordynatorami pieczy zastępczej PCPR",
	"leisure":      "Wycieczki, pikniki i imprezy dla dzieci",
}

func activityLabel(s *model.Set, kind string) string {
	if l, ok := activityLabels[kind]; ok {
		return l
	}
	if ind, ok := s.Get("dzialania." + kind + ".liczba"); ok && ind.Label != "" {
		name, _ := activityName(ind.Label)
		return upperFirst(name)
	}
	return kind
}

// activityName splits the collector's label of an activity indicator
// ("Działania: warsztaty dla rodziców – liczba") into the activity's name and
// the measure ("liczba" or "uczestnicy"); other labels come back whole.
func activityName(label string) (name, measure string) {
	rest, ok := strings.CutPrefix(label, "Działania: ")
	if !ok {
		return label, ""
	}
	for _, m := range []string{"liczba", "uczestnicy"} {
		// " — " is the dash of labels archived before the en dash.
		for _, dash := range []string{" – ", " — "} {
			if n, ok := strings.CutSuffix(rest, dash+m); ok {
				return n, m
			}
		}
	}
	return rest, ""
}

// matrixLabel is an indicator's label as the programme table prints it: the
// collector's activity labels read as sentences there ("Liczba działań:
// warsztaty dla rodziców").
func matrixLabel(label string) string {
	name, m := activityName(label)
	switch m {
	case "liczba":
		return "Liczba działań: " + name
	case "uczestnicy":
		return "Uczestnicy działań: " + name
	}
	return label
}

func upperFirst(s string) string {
	for i, r := range s {
		if i == 0 {
			return strings.ToUpper(string(r)) + s[len(string(r)):]
		}
	}
	return s
}

// findingsList adds to c, under an unnumbered heading, the findings of the
// year whose check starts with prefix; nothing when there are none.
func (b *builder) findingsList(c *Chapter, prefix, heading string) {
	l := &List{}
	for _, f := range b.cur.Findings {
		if strings.HasPrefix(f.Check, prefix) {
			l.Items = append(l.Items, f.String())
		}
	}
	if len(l.Items) > 0 {
		c.add(Block{Kind: BlockHeading, Text: heading}, Block{Kind: BlockList, List: l})
	}
}

// isPartnerSource tells a partner file from the OPS records.
func isPartnerSource(src string) bool { return src != "" && src != model.SourceOPS }

func (b *builder) chMatrix() error {
	c := b.chapter("8", "Realizacja działań programu", "realizacja", 1)
	if err := b.narr(c, "realizacja"); err != nil {
		return err
	}
	y := b.doc.Year
	used := map[string]bool{}
	if len(b.cfg.Program.Cele) > 0 {
		prev, hasPrev := b.byYear[y-1]
		t := b.newTable("tab-program", "Program", fmt.Sprintf("Cele, działania, realizatorzy i wskaźniki programu za %d r.", y))
		t.Columns = []Column{{Align: Right, Width: 0.8, Group: true}, {Align: Left, Width: 3.2, Group: true}, {Align: Left, Width: 2, Group: true}, {Align: Left, Width: 3}}
		hdr := []string{"Lp.", "Działanie", "Realizator", "Wskaźnik"}
		if hasPrev {
			t.Columns = append(t.Columns, Column{Align: Right, Width: 1.85})
			hdr = append(hdr, strconv.Itoa(y-1))
		}
		t.Columns = append(t.Columns, Column{Align: Right, Width: 1.85}, Column{Align: Left, Width: 1.9})
		hdr = append(hdr, strconv.Itoa(y), "Uwagi")
		t.Header = [][]Cell{headerRow(hdr...)}
		width := len(hdr)
		anyPartner := false
		for gi, g := range b.cfg.Program.Cele {
			goal := make([]Cell, width)
			goal[0] = Cell{Text: fmt.Sprintf("Cel %d. %s", gi+1, g.Nazwa), Bold: true, Span: width}
			t.Rows = append(t.Rows, goal)
			for ai, a := range g.Dzialania {
				lp := fmt.Sprintf("%d.%d.", gi+1, ai+1)
				if len(a.Wskazniki) == 0 {
					r := []Cell{text(lp), text(a.Nazwa), text(a.Realizator), text("—")}
					if hasPrev {
						r = append(r, text("—"))
					}
					t.Rows = append(t.Rows, append(r, text("—"), text("")))
				}
				for wi, w := range a.Wskazniki {
					used[w.Kod] = true
					r := []Cell{text(""), text(""), text("")}
					if wi == 0 {
						r = []Cell{text(lp), text(a.Nazwa), text(a.Realizator)}
					}
					ind, ok := b.cur.Get(w.Kod)
					label := w.Etykieta
					if label == "" && ok {
						label = matrixLabel(ind.Label)
					}
					if label == "" {
						label = w.Kod
					}
					r = append(r, text(label))
					if hasPrev {
						r = append(r, cellOf(b.numIn(prev, w.Kod)))
					}
					r = append(r, b.cell(w.Kod))
					if ok && isPartnerSource(ind.Source) {
						anyPartner = true
					}
					r = append(r, text(b.matrixRemark(w.Kod, ind, ok)))
					t.Rows = append(t.Rows, r)
				}
			}
		}
		if anyPartner {
			t.Notes = append(t.Notes, "Wartości wskaźników instytucji współpracujących pochodzą z ich sprawozdań; pliki wraz z sumami kontrolnymi wymienia załącznik 1.")
		}
		if b.pub {
			t.Notes = append(t.Notes, b.doc.PublicationNote)
		}
		c.table(t)
	} else {
		c.para("Konfiguracja gminy nie zawiera definicji celów i działań programu ([[program.cel]]), dlatego nie sporządzono tabeli realizacji programu.")
	}
	if len(b.in.Missing) > 0 {
		l := &List{}
		for _, p := range b.in.Missing {
			l.Items = append(l.Items, partnerName(p))
		}
		c.add(Block{Kind: BlockHeading, Text: "Instytucje, które nie przekazały danych"}, Block{Kind: BlockList, List: l})
	}
	// Everything partners sent that the programme matrix does not show
	// (not the empty placeholders of partners who sent nothing: the list
	// above names them).
	var rest []model.Indicator
	for _, ind := range b.cur.Indicators {
		kind, _, _ := strings.Cut(ind.Code, ".")
		if !isPartnerSource(ind.Source) || used[ind.Code] || kind == "meta" || b.missingKind[kind] && !ind.Reported() && ind.Remark == "" {
			continue
		}
		rest = append(rest, ind)
	}
	if len(rest) > 0 {
		t := b.newTable("tab-partnerzy", "Dane partnerów", fmt.Sprintf("Pozostałe dane przekazane przez instytucje współpracujące za %d r.", y))
		t.Columns = []Column{{Align: Left, Width: 2.6, Group: true}, {Align: Left, Width: 5.2}, {Align: Right, Width: 1.6}, {Align: Left, Width: 3}}
		t.Header = [][]Cell{headerRow("Instytucja", "Wskaźnik", "Wartość", "Uwagi")}
		last := ""
		for _, ind := range rest {
			kind, _, _ := strings.Cut(ind.Code, ".")
			inst := text("")
			if kind != last {
				inst, last = text(b.institution(kind)), kind
			}
			val := b.cell(ind.Code)
			if val.Unit == model.UnitText { // a description: it gets the value and remark columns
				s := val.Text
				if ind.Remark != "" {
					s += " (" + ind.Remark + ")"
				}
				t.Rows = append(t.Rows, []Cell{inst, text(ind.Label), {Text: s, Unit: model.UnitText, Code: ind.Code, Span: 2}, {}})
				continue
			}
			t.Rows = append(t.Rows, []Cell{inst, text(ind.Label), val, text(ind.Remark)})
		}
		c.table(t)
	}
	return nil
}

var kindTitles = map[string]string{
	"ppp": "Poradnia Psychologiczno-Pedagogiczna", "policja": "Policja", "kuratorzy": "Kuratorzy sądowi",
	"pcpr": "Powiatowe Centrum Pomocy Rodzinie", "szkoly": "Szkoły", "gkrpa": "Gminna Komisja Rozwiązywania Problemów Alkoholowych",
	"kultura": "Ośrodek kultury", "sport": "Ośrodek sportu i rekreacji", "parafie": "Parafie",
	"pik": "Punkt Interwencji Kryzysowej", "inne": "Inne instytucje",
}

// institution names the partner of a kind: its configured name when the
// gmina has one partner of that kind, else the kind's title ("Szkoły").
func (b *builder) institution(kind string) string {
	var names []string
	for _, p := range b.cfg.Partnerzy {
		if p.Rodzaj == kind && p.Nazwa != "" {
			names = append(names, p.Nazwa)
		}
	}
	if len(names) == 1 {
		return names[0]
	}
	if t, ok := kindTitles[kind]; ok {
		return t
	}
	return upperFirst(kind)
}

// matrixRemark is the "Uwagi" cell of a programme indicator: the partner's
// own remark, and why a value is missing.
func (b *builder) matrixRemark(code string, ind model.Indicator, ok bool) string {
	kind, _, _ := strings.Cut(code, ".")
	switch {
	case ok && ind.Remark != "":
		return ind.Remark
	case !ok && !b.missingKind[kind]:
		return "wskaźnik nie został ustalony"
	case !ind.Reported() && b.missingKind[kind]:
		return "instytucja nie przekazała danych"
	}
	return ""
}

// keyIndicators are compared across years.
var keyIndicators = []row{
	{"Asystenci rodziny (31.12)", "asystenci.liczba", false, false},
	{"Rodziny z asystentem w ciągu roku", "asysta.rodziny", false, false},
	{"Rodziny z asystentem na dzień 31.12", "asysta.rodziny_koniec_okresu", false, false},
	{"Dzieci w rodzinach z asystentem", "asysta.dzieci", false, false},
	{"Dzieci w placówkach wsparcia dziennego", "placowki.dzieci", false, false},
	{"Rodziny wspierające (31.12)", "rodziny_wspierajace.liczba", false, false},
	{"Dzieci w pieczy zastępczej (współfinansowanie)", "piecza.dzieci", false, false},
	{"Wydatki gminy na pieczę zastępczą", "piecza.koszt", false, false},
	{"Wydatki na asystentów rodziny", "wydatki.assistant", false, false},
	{"Rodziny objęte pracą socjalną", "praca_socjalna.rodziny", false, false},
	{"Rodziny z pomocą finansową", "swiadczenia.rodziny_pomoc_finansowa", false, false},
	{"Formularze „Niebieska Karta”", "niebieskie_karty.formularze", false, false},
	{"Rodziny z dziećmi wśród klientów", "klienci.rodziny_z_dziecmi", false, false},
}

// changeThreshold is the gmina's threshold of year-to-year changes (%).
func (b *builder) changeThreshold() float64 {
	if t := b.cfg.Ustawienia.ProgZmianyProcent; t > 0 {
		return t
	}
	return 30
}

func (b *builder) chCompare() error {
	c := b.chapter("9", "Porównanie z latami poprzednimi", "porownanie", 1)
	if err := b.narr(c, "porownanie"); err != nil {
		return err
	}
	if !b.data.MaHistorie {
		return nil
	}
	y := b.doc.Year
	t := b.newTable("tab-porownanie", "Porównanie lat", fmt.Sprintf("Najważniejsze wskaźniki w latach %d–%d", b.years[0], y))
	t.Columns = []Column{{Align: Left, Width: 4.4}}
	hdr := []string{"Wskaźnik"}
	for _, yr := range b.years {
		w := 1.25
		if yr == y {
			w = 1.45
		}
		t.Columns = append(t.Columns, Column{Align: Right, Width: w})
		hdr = append(hdr, strconv.Itoa(yr))
	}
	t.Columns = append(t.Columns, Column{Align: Right, Width: 1.5}, Column{Align: Right, Width: 1.2})
	hdr = append(hdr, fmt.Sprintf("Zmiana %d/%d", y, y-1), "Zmiana %")
	t.Header = [][]Cell{headerRow(hdr...)}
	flaggedAny := false
	for _, r := range keyIndicators {
		cells := []Cell{text(r.label)}
		var vals []Num
		money := false
		for _, yr := range b.years {
			n := b.numIn(b.byYear[yr], r.code)
			if n.OK && n.Unit == model.UnitMoney { // whole złoty, unit in the label: the wide table stays readable
				n.Text = plfmt.Int(plfmt.RoundZloty(n.N))
				money = true
			}
			vals = append(vals, n)
			cells = append(cells, cellOf(n))
		}
		if money {
			cells[0].Text += " (zł)"
		}
		cur, prev := vals[len(vals)-1], vals[len(vals)-2]
		ch := changeCell(prev, cur)
		if ch.Value != nil && cur.Unit == model.UnitMoney {
			ch.Text = plfmt.Signed(plfmt.RoundZloty(cur.N) - plfmt.RoundZloty(prev.N)) // adds up with the rounded columns
		}
		pct := Cell{Text: "—"}
		if ch.Value != nil {
			if p, ok := plfmt.ChangePercent(prev.N, cur.N); ok {
				pct = Cell{Text: plfmt.SignedPercent(p, 1), Float: &p, Unit: "%"}
			}
			// The plausibility rule of every comparison in gpwr.
			if _, _, flagged := yoy.Judge(prev.N, cur.N, cur.Unit == model.UnitMoney, b.changeThreshold()); flagged && !cur.Hidden && !prev.Hidden {
				pct.Text += " *"
				pct.Bold = true
				flaggedAny = true
			}
		}
		cells = append(cells, ch, pct)
		t.Rows = append(t.Rows, cells)
	}
	t.Notes = append(t.Notes, "Kwoty podano w pełnych złotych; „brak danych” oznacza rok, za który wskaźnik nie został ustalony (nie jest to zero).")
	if flaggedAny {
		t.Notes = append(t.Notes, fmt.Sprintf("* Zmiana o więcej niż ±%s wobec roku poprzedniego – warto sprawdzić, czy nie wynika z błędu danych (zob. załącznik 2).", yoy.ThresholdText(b.changeThreshold())))
	}
	if b.pub {
		t.Notes = append(t.Notes, b.doc.PublicationNote)
	}
	c.table(t)
	for _, ch := range []struct {
		id, title, kind string
		unit            model.Unit
		ylabel          string
		series          []row
	}{
		{"wykres-asysta", "Rodziny korzystające ze wsparcia asystenta rodziny", "line", model.UnitFamilies, "liczba rodzin",
			[]row{{"w ciągu roku", "asysta.rodziny", false, false}, {"na dzień 31.12", "asysta.rodziny_koniec_okresu", false, false}}},
		{"wykres-dzieci", "Dzieci objęte wsparciem", "line", model.UnitChildren, "liczba dzieci",
			[]row{{"w rodzinach z asystentem", "asysta.dzieci", false, false}, {"w placówkach wsparcia dziennego", "placowki.dzieci", false, false}, {"w pieczy zastępczej", "piecza.dzieci", false, false}}},
		{"wykres-piecza-koszt", "Wydatki gminy na pieczę zastępczą", "bar", model.UnitMoney, "zł",
			[]row{{"wydatki gminy", "piecza.koszt", false, false}}},
		{"wykres-pomoc", "Rodziny objęte pracą socjalną i pomocą finansową", "line", model.UnitFamilies, "liczba rodzin",
			[]row{{"praca socjalna", "praca_socjalna.rodziny", false, false}, {"pomoc finansowa", "swiadczenia.rodziny_pomoc_finansowa", false, false}}},
		{"wykres-niebieskie-karty", "Procedura „Niebieskie Karty”", "bar", model.UnitCount, "liczba",
			[]row{{"formularze", "niebieskie_karty.formularze", false, false}, {"rodziny", "niebieskie_karty.rodziny", false, false}}},
	} {
		b.charts++
		chart := &Chart{ID: ch.id, Number: b.charts, Title: fmt.Sprintf("%s w latach %d–%d", ch.title, b.years[0], y), Kind: ch.kind, Unit: ch.unit, YLabel: ch.ylabel}
		for _, yr := range b.years {
			chart.Categories = append(chart.Categories, strconv.Itoa(yr))
		}
		var alt []string
		for _, s := range ch.series {
			ser := Series{Name: s.label, Code: s.code}
			var parts []string
			for _, yr := range b.years {
				n := b.numIn(b.byYear[yr], s.code)
				if n.OK && !n.Hidden {
					v := n.N
					ser.Values = append(ser.Values, &v)
					ser.Texts = append(ser.Texts, "")
				} else {
					ser.Values = append(ser.Values, nil)
					hidden := ""
					if n.Hidden {
						hidden = n.Text // "<3": hidden, not missing
					}
					ser.Texts = append(ser.Texts, hidden)
				}
				txt := n.Text
				if n.OK && n.Unit == model.UnitMoney {
					txt = plfmt.AmountWhole(n.N)
				}
				parts = append(parts, fmt.Sprintf("%d: %s", yr, txt))
			}
			chart.Series = append(chart.Series, ser)
			alt = append(alt, s.label+" – "+strings.Join(parts, ", "))
		}
		kind := "Wykres liniowy"
		if ch.kind == "bar" {
			kind = "Wykres słupkowy"
		}
		chart.Alt = fmt.Sprintf("%s: %s w latach %d–%d. %s.", kind, lowerFirst(ch.title), b.years[0], y, upperFirst(strings.Join(alt, "; ")))
		c.add(Block{Kind: BlockChart, Chart: chart})
	}
	return nil
}

func lowerFirst(s string) string {
	for i, r := range s {
		if i == 0 && r != '„' {
			return strings.ToLower(string(r)) + s[len(string(r)):]
		}
		break
	}
	return s
}

func (b *builder) chClosing() error {
	c := b.chapter("10", "Zakończenie", "zakonczenie", 1)
	if t := b.cfg.Tekst.Zakonczenie; strings.TrimSpace(t) != "" {
		return b.own(c, t, "zakonczenie")
	}
	return b.narr(c, "zakonczenie")
}

func (b *builder) chNeeds() error {
	c := b.chapter("11", fmt.Sprintf("Potrzeby związane z realizacją zadań na rok %d", b.doc.Year+1), "potrzeby", 1)
	if err := b.narr(c, "potrzeby"); err != nil {
		return err
	}
	for _, bl := range c.Blocks {
		if bl.Kind == BlockList {
			b.doc.Needs = append(b.doc.Needs, bl.List.Items...)
			punctuate(bl.List)
		}
	}
	sig := b.doc.Signature
	c.add(Block{Kind: BlockSignature, Signature: &sig})
	return nil
}

// punctuate ends the items of a list that continues a sentence as Polish
// style wants: a semicolon after each item, a period after the last; items
// that already end with punctuation are left alone.
func punctuate(l *List) {
	for i, it := range l.Items {
		it = strings.TrimSpace(it)
		if it == "" || strings.ContainsRune(".;:!?", []rune(it)[len([]rune(it))-1]) {
			continue
		}
		if i == len(l.Items)-1 {
			l.Items[i] = it + "."
		} else {
			l.Items[i] = it + ";"
		}
	}
}

var sourceKinds = map[string]string{
	"sqlite": "baza OPS (SQLite)", "postgres": "baza OPS (PostgreSQL)", "partner": "sprawozdanie partnera",
	"archiwum": "archiwum wskaźników", "wpis_reczny": "dane wpisane z dokumentu papierowego",
}

var glossary = []GlossaryEntry{
	{"CAS", "Centralna Aplikacja Statystyczna – system, w którym gmina przekazuje wojewodzie sprawozdania półroczne"},
	{"GKRPA", "Gminna Komisja Rozwiązywania Problemów Alkoholowych"},
	{"GOPS / MGOPS / MOPS / OPS", "gminny / miejsko-gminny / miejski ośrodek pomocy społecznej"},
	{"GPWR", "Gminny Program Wspierania Rodziny – trzyletni program przyjmowany uchwałą rady (art. 176 pkt 1 ustawy)"},
	{"KPP", "Komenda Powiatowa Policji"},
	{"NK", "procedura „Niebieskie Karty” – przeciwdziałanie przemocy domowej (formularze NK-A–NK-D)"},
	{"PCPR", "Powiatowe Centrum Pomocy Rodzinie – organizator pieczy zastępczej w powiecie"},
	{"PIK", "Punkt Interwencji Kryzysowej"},
	{"PPP", "Poradnia Psychologiczno-Pedagogiczna"},
	{"SHA-256", "suma kontrolna pliku: pozwala sprawdzić, czy dane źródłowe nie zmieniły się po sporządzeniu sprawozdania"},
	{"ZI", "Zespół Interdyscyplinarny do spraw przeciwdziałania przemocy domowej"},
	{"asystent rodziny", "pracownik wspierający rodzinę w jej miejscu zamieszkania (art. 11–17 ustawy)"},
	{"piecza zastępcza", "opieka nad dzieckiem, które nie może przebywać z rodzicami: rodzinna (rodziny zastępcze, rodzinne domy dziecka) lub instytucjonalna (placówki)"},
	{"placówka wsparcia dziennego", "świetlica lub klub dla dzieci po zajęciach szkolnych, w formie opiekuńczej, specjalistycznej lub pracy podwórkowej"},
	{"rodzina wspierająca", "rodzina, która na podstawie umowy z gminą pomaga rodzinie przeżywającej trudności"},
	{"„brak danych”", "wartość nieustalona lub nieprzekazana – nie oznacza zera"},
}

func (b *builder) chAnnex() error {
	an := &b.doc.Annex
	an.Glossary = glossary
	an.Findings = append(an.Findings, b.cur.Findings...)
	for _, p := range b.in.Missing {
		an.Missing = append(an.Missing, partnerName(p))
	}
	c := b.chapter("Załącznik 1", "Źródła danych", "zrodla", 1)
	c.Annex = true
	c.para(fmt.Sprintf("Wszystkie dane liczbowe sprawozdania obliczono w programie gpwr na podstawie wymienionych niżej źródeł, odczytanych w jednym momencie (jako spójna migawka); kod i wartość każdego wskaźnika podaje załącznik 3. Suma kontrolna SHA-256 pozwala sprawdzić, czy plik źródłowy nie zmienił się od dnia sporządzenia sprawozdania (%s).", plfmt.DateShort(b.doc.TitlePage.Date)))
	t := b.newTable("tab-zrodla", "Źródła", "Źródła danych sprawozdania")
	t.Columns = []Column{{Align: Left, Width: 3.2}, {Align: Left, Width: 2.6}, {Align: Left, Width: 2.2}, {Align: Left, Width: 4.6}}
	t.Header = [][]Cell{headerRow("Źródło", "Rodzaj", "Odczyt", "SHA-256")}
	for _, s := range b.cur.Sources {
		kind := sourceKinds[s.Kind]
		if kind == "" {
			kind = s.Kind
		}
		row := SourceRow{Name: s.Name, Kind: kind, Where: s.Where, ReadAt: s.ReadAt, SHA256: s.SHA256, Note: s.Note}
		an.Sources = append(an.Sources, row)
		name := s.Name
		if s.Name == model.SourceOPS {
			name = "rejestry OPS"
		}
		if s.Where != "" && s.Where != s.Name && s.Kind != "partner" { // a partner file is named by its name
			name += " (" + s.Where + ")"
		}
		read := "—"
		if !s.ReadAt.IsZero() {
			read = plfmt.DateTime(s.ReadAt)
		}
		t.Rows = append(t.Rows, []Cell{text(name), text(kind), text(read), text(groupHex(s.SHA256))})
	}
	if len(t.Rows) == 0 {
		c.para("Zestaw wskaźników nie zawiera informacji o źródłach.")
	} else {
		c.table(t)
	}

	c = b.chapter("Załącznik 2", "Ustalenia kontroli danych", "ustalenia", 1)
	c.Annex = true
	if len(b.cur.Findings) == 0 {
		c.para("Kontrole danych (limit rodzin na asystenta, udział gminy w wydatkach na pieczę zastępczą, kompletność sprawozdań partnerów) nie wykazały nieprawidłowości.")
	} else {
		c.para(fmt.Sprintf("Kontrole danych przeprowadzone przy sporządzaniu sprawozdania dały %s. Kolumna „Miejsce” wskazuje rekord lub plik, którego dotyczy ustalenie, i nie zawiera danych osobowych.", plfmt.Ustalenie.Count(int64(len(b.cur.Findings)))))
		t := b.newTable("tab-ustalenia", "Ustalenia", "Ustalenia kontroli danych")
		t.Columns = []Column{{Align: Left, Width: 1.6}, {Align: Left, Width: 2.2}, {Align: Left, Width: 3}, {Align: Left, Width: 5.8}}
		t.Header = [][]Cell{headerRow("Waga", "Kontrola", "Miejsce", "Opis")}
		for _, f := range b.cur.Findings {
			w := "ostrzeżenie"
			if f.Severity == model.Error {
				w = "błąd"
			}
			t.Rows = append(t.Rows, []Cell{text(w), text(f.Check), text(f.Place), text(f.Message)})
		}
		c.table(t)
	}
	if len(b.in.Missing) > 0 {
		c.para("Nie przekazały danych: " + strings.Join(an.Missing, "; ") + ".")
	}

	c = b.chapter("Załącznik 3", "Wartości wskaźników", "wskazniki", 1)
	c.Annex = true
	c.para("Kody wskaźników są stałe (umowa danych gpwr, DATA-CONTRACT.md); źródło „ops” oznacza rejestry Ośrodka, nazwa pliku – sprawozdanie instytucji współpracującej.")
	t = b.newTable("tab-wskazniki", "Wskaźniki", fmt.Sprintf("Wskaźniki za %d r. z kodami i źródłem", b.doc.Year))
	t.Columns = []Column{{Align: Left, Width: 3.8}, {Align: Left, Width: 5}, {Align: Right, Width: 2}, {Align: Left, Width: 1.8}}
	t.Header = [][]Cell{headerRow("Kod", "Wskaźnik", "Wartość", "Źródło")}
	for _, ind := range b.cur.Indicators {
		src := ind.Source
		kind, _, _ := strings.Cut(ind.Code, ".")
		switch {
		case !ind.Reported() && b.missingKind[kind] && !isPartnerSource(src):
			src = "brak zwrotu"
		case src == "":
			src = "—"
		}
		t.Rows = append(t.Rows, []Cell{text(ind.Code), text(ind.Label), b.cell(ind.Code), text(src)})
	}
	if b.pub {
		t.Notes = append(t.Notes, b.doc.PublicationNote)
	}
	c.table(t)

	c = b.chapter("Załącznik 4", "Słownik skrótów i pojęć", "slownik", 1)
	c.Annex = true
	t = b.newTable("tab-slownik", "Słownik", "Skróty i pojęcia użyte w sprawozdaniu")
	t.Columns = []Column{{Align: Left, Width: 3}, {Align: Left, Width: 9}}
	t.Header = [][]Cell{headerRow("Skrót / pojęcie", "Znaczenie")}
	for _, g := range glossary {
		t.Rows = append(t.Rows, []Cell{boldText(g.Term), text(g.Meaning)})
	}
	c.table(t)
	return nil
}

// groupHex splits a checksum in groups of 16 so it can wrap in a cell.
func groupHex(h string) string {
	if h == "" {
		return "—"
	}
	var parts []string
	for len(h) > 16 {
		parts = append(parts, h[:16])
		h = h[16:]
	}
	return strings.Join(append(parts, h), " ")
}

func (b *builder) indicatorRows() {
	d := b.doc
	for _, ind := range b.cur.Indicators {
		n := b.num(ind.Code)
		r := IndicatorRow{Code: ind.Code, Label: ind.Label, Unit: ind.Unit, Source: ind.Source, Remark: ind.Remark,
			Text: n.Text, Missing: !n.OK, Hidden: n.Hidden}
		if n.OK && !n.Hidden {
			v := n.N
			r.Value = &v
		}
		var vals []Num
		for _, yr := range d.Years {
			h := b.numIn(b.byYear[yr], ind.Code)
			vals = append(vals, h)
			r.HistoryText = append(r.HistoryText, h.Text)
			if h.OK && !h.Hidden {
				v := h.N
				r.History = append(r.History, &v)
			} else {
				r.History = append(r.History, nil)
			}
		}
		if len(vals) >= 2 {
			cur, prev := vals[len(vals)-1], vals[len(vals)-2]
			if ch := changeCell(prev, cur); ch.Value != nil {
				r.Change = ch.Value
				if p, ok := plfmt.ChangePercent(prev.N, cur.N); ok {
					r.ChangePct = &p
				}
			}
		}
		d.Indicators = append(d.Indicators, r)
	}
}
