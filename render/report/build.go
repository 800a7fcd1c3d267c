package report

import (
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"text/template"
	"time"

	"github.com/gpwr/gpwr/internal/config"
	"github.com/gpwr/gpwr/model"
	"github.com/gpwr/gpwr/render/cas"
	"github.com/gpwr/gpwr/render/plfmt"
)

// SyntheticNote is printed on the face of every output made from demo data.
const SyntheticNote = "DANE FIKCYJNE – przykład wygenerowany z danych syntetycznych"

// maxYears is how many years (current included) comparison tables and charts show.
const maxYears = 6

type builder struct {
	in       Input
	cfg      *config.Config
	cur      *model.Set
	byYear   map[int]*model.Set
	years    []int // comparison years, oldest first, current last
	pub      bool
	thr      int64
	tmplDirs []string
	data     narrData
	doc      *Doc
	tables   int
	charts   int
	// missingKind holds the partner kinds of Input.Missing.
	missingKind map[string]bool
	// override replaces indicator values (tests of narrative agreement).
	override func(code string) (int64, bool)
	funcMap  template.FuncMap // the template functions, made on first use
}

// Build makes the document of the annual report from the model.
func Build(in Input) (*Doc, error) {
	return build(in, nil)
}

func build(in Input, override func(string) (int64, bool)) (*Doc, error) {
	if in.Cfg == nil {
		return nil, errors.New("brak konfiguracji gminy: nie można zbudować sprawozdania")
	}
	if in.Current == nil {
		return nil, errors.New("brak wskaźników roku sprawozdawczego: nie można zbudować sprawozdania")
	}
	b := &builder{in: in, cfg: in.Cfg, cur: in.Current, override: override}
	b.pub = in.Cfg.Ustawienia.Publikacja
	b.thr = int64(in.Cfg.Ustawienia.UkryjPonizej)
	if b.thr <= 0 {
		b.thr = 3
	}
	if in.TemplatesDir != "" {
		b.tmplDirs = append(b.tmplDirs, in.TemplatesDir)
	}
	if s := in.Cfg.Zrodla.Szablony; s != "" {
		b.tmplDirs = append(b.tmplDirs, in.Cfg.Resolve(s))
	}
	b.indexYears()
	b.missingKind = map[string]bool{}
	for _, p := range in.Missing {
		b.missingKind[p.Rodzaj] = true
	}
	if err := b.run(); err != nil {
		return nil, err
	}
	return b.doc, nil
}

func (b *builder) indexYears() {
	y := b.cur.Period.Year
	b.byYear = map[int]*model.Set{y: b.cur}
	oldest := y
	for _, h := range b.in.History {
		if h == nil || h.Period.Year >= y {
			continue
		}
		b.byYear[h.Period.Year] = h
		if h.Period.Year < oldest {
			oldest = h.Period.Year
		}
	}
	if y-oldest+1 > maxYears {
		oldest = y - maxYears + 1
	}
	for k := oldest; k <= y; k++ {
		b.years = append(b.years, k)
	}
}

// hideable tells whether a count is subject to publication-mode hiding: counts
// of families, persons, children and case-related items (benefits, forms,
// procedures) — not money, places, days, institutions or staff.
func hideable(ind model.Indicator) bool {
	switch ind.Unit {
	case model.UnitFamilies, model.UnitPersons, model.UnitChildren, model.UnitCount:
	default:
		return false
	}
	for _, p := range []string{"asystenci.", "placowki.liczba", "szkolenia.", "rodziny_wspierajace.liczba", "dzialania.", "policja.dzielnicowi"} {
		if strings.HasPrefix(ind.Code, p) {
			return false
		}
	}
	return true
}

// num is the value of code in the current year.
func (b *builder) num(code string) Num { return b.numIn(b.cur, code) }

func (b *builder) numIn(s *model.Set, code string) Num {
	n := Num{Code: code, Text: plfmt.BrakDanych}
	if s == nil {
		return n
	}
	ind, ok := s.Get(code)
	if b.override != nil && s == b.cur {
		if v, ok2 := b.override(code); ok2 {
			if !ok {
				ind = model.Indicator{Code: code, Unit: guessUnit(code)}
			}
			ind.Value = model.Int(v)
			ok = true
		}
	}
	if !ok {
		return n
	}
	n.Unit = ind.Unit
	if ind.Value == nil {
		if ind.Text != "" {
			n.Text = ind.Text
		}
		return n
	}
	n.OK, n.N = true, *ind.Value
	if b.pub && hideable(ind) && n.N > 0 && n.N < b.thr {
		n.Hidden, n.N = true, b.thr
		n.Text = "<" + strconv.FormatInt(b.thr, 10)
		return n
	}
	n.Text = plfmt.Value(ind)
	return n
}

func guessUnit(code string) model.Unit {
	switch {
	case strings.Contains(code, "koszt") || strings.HasPrefix(code, "wydatki.") || strings.HasSuffix(code, ".kwota"):
		return model.UnitMoney
	case strings.Contains(code, "dzieci"):
		return model.UnitChildren
	case strings.Contains(code, "rodzin"):
		return model.UnitFamilies
	}
	return model.UnitCount
}

func formatValue(v int64, u model.Unit) string {
	if u == model.UnitMoney {
		return plfmt.Amount(v)
	}
	return plfmt.Int(v)
}

// cellOf makes the table cell of a Num.
func cellOf(n Num) Cell {
	c := Cell{Text: n.Text, Unit: n.Unit, Code: n.Code}
	switch {
	case n.Hidden:
		c.Hidden = true
	case n.OK:
		v := n.N
		c.Value = &v
	case n.Text == plfmt.BrakDanych:
		c.Missing = true
	default: // a text-typed partner value
		c.Unit = model.UnitText
	}
	return c
}

func (b *builder) cell(code string) Cell { return cellOf(b.num(code)) }

func text(s string) Cell     { return Cell{Text: s} }
func boldText(s string) Cell { return Cell{Text: s, Bold: true} }

func headerRow(ss ...string) []Cell {
	row := make([]Cell, len(ss))
	for i, s := range ss {
		row[i] = Cell{Text: s, Bold: true}
	}
	return row
}

func (b *builder) newTable(id, sheet, caption string) *Table {
	b.tables++
	return &Table{ID: id, Number: b.tables, Caption: caption, Sheet: sheet}
}

// row is a labelled indicator row of an indicator table. A row that is a
// part of the preceding total ("z tego", "w tym") is indented: sub marks it
// when the label alone does not tell (a part whose label starts with a
// capital, e.g. "GKRPA").
type row struct {
	label, code string
	bold        bool
	sub         bool
}

// indicatorTable makes a table "label | previous year | current year |
// change" for the given rows (the previous-year columns only when the
// history has that year).
func (b *builder) indicatorTable(id, sheet, caption string, rows []row) *Table {
	t := b.newTable(id, sheet, caption)
	y := b.cur.Period.Year
	prev, hasPrev := b.byYear[y-1]
	t.Columns = []Column{{Align: Left, Width: 6}}
	hdr := []string{"Wyszczególnienie"}
	if hasPrev {
		t.Columns = append(t.Columns, Column{Align: Right, Width: 1.6})
		hdr = append(hdr, strconv.Itoa(y-1))
	}
	t.Columns = append(t.Columns, Column{Align: Right, Width: 1.6})
	hdr = append(hdr, strconv.Itoa(y))
	if hasPrev {
		t.Columns = append(t.Columns, Column{Align: Right, Width: 1.6})
		hdr = append(hdr, "Zmiana")
	}
	t.Header = [][]Cell{headerRow(hdr...)}
	for _, r := range rows {
		cur := b.num(r.code)
		ind := indentOf(r.label, r.bold)
		if r.sub {
			ind = 1
		}
		cells := []Cell{{Text: r.label, Bold: r.bold, Indent: ind}}
		if hasPrev {
			p := b.numIn(prev, r.code)
			cells = append(cells, cellOf(p), cellOf(cur), changeCell(p, cur))
		} else {
			cells = append(cells, cellOf(cur))
		}
		if r.bold {
			for i := range cells {
				cells[i].Bold = true
			}
		}
		t.Rows = append(t.Rows, cells)
	}
	if b.pub {
		t.Notes = append(t.Notes, b.doc.PublicationNote)
	}
	return t
}

// indentOf indents the parts of a total: rows that are not bold and start
// with a lower-case letter ("z tego", "w tym", a continued split).
func indentOf(label string, bold bool) int {
	if bold || label == "" {
		return 0
	}
	r := []rune(label)[0]
	if r >= 'a' && r <= 'z' || strings.ContainsRune("ąćęłńóśźż", r) {
		return 1
	}
	return 0
}

// changeCell is the difference cur − prev, when both are known and shown.
func changeCell(prev, cur Num) Cell {
	if !prev.OK || !cur.OK || prev.Hidden || cur.Hidden {
		return Cell{Text: "—"}
	}
	d := cur.N - prev.N
	c := Cell{Value: &d, Unit: cur.Unit}
	if cur.Unit == model.UnitMoney {
		c.Text = plfmt.SignedAmount(d)
	} else {
		c.Text = plfmt.Signed(d)
	}
	return c
}

func (b *builder) run() error {
	cfg, y := b.cfg, b.cur.Period.Year
	place := cfg.Tekst.Miejscowosc
	if place == "" {
		place = cfg.Gmina.Nazwa
	}
	date := model.Date{Time: b.in.Generated.UTC().Truncate(24 * time.Hour)}
	if b.in.Generated.IsZero() {
		date = model.Date{Time: time.Now().UTC().Truncate(24 * time.Hour)}
	}
	if cfg.Tekst.DataRaportu != "" {
		d, err := model.ParseDate(cfg.Tekst.DataRaportu)
		if err != nil {
			return fmt.Errorf("%s: [tekst] data_raportu: oczekiwano daty RRRR-MM-DD, podano %q", cfg.Path, cfg.Tekst.DataRaportu)
		}
		date = d
	}
	programGen := genitiveProgram(cfg.Program.Nazwa)
	title := fmt.Sprintf("Sprawozdanie z realizacji %s za rok %d", programGen, y)
	gmina := "Gmina " + cfg.Gmina.Nazwa
	d := &Doc{
		Title:     title,
		Short:     fmt.Sprintf("Sprawozdanie z realizacji GPWR za %d r.", y),
		Gmina:     gmina,
		Lang:      "pl-PL",
		Year:      y,
		Period:    b.cur.Period,
		Generated: b.in.Generated,
		Synthetic: b.in.Synthetic,
		Years:     b.years,
	}
	b.doc = d
	if b.in.Synthetic {
		d.SyntheticNote = SyntheticNote
	}
	if b.pub {
		d.Publication = true
		d.PublicationNote = fmt.Sprintf("Wersja do publikacji: liczby mniejsze niż %d (z wyjątkiem zera) dotyczące rodzin, osób, dzieci i spraw zastąpiono zapisem „<%d”, aby nie można było zidentyfikować osób; kwot nie ukrywa się.", b.thr, b.thr)
	}
	d.Meta = Meta{
		Title:    title,
		Author:   nonEmpty(cfg.OPS.Nazwa, gmina),
		Subject:  fmt.Sprintf("Sprawozdanie z realizacji zadań z zakresu wspierania rodziny za rok %d wraz z potrzebami (art. 179 ust. 1 ustawy o wspieraniu rodziny i systemie pieczy zastępczej)", y),
		Keywords: fmt.Sprintf("wspieranie rodziny, asystent rodziny, piecza zastępcza, sprawozdanie, %s, %d", cfg.Gmina.Nazwa, y),
		Creator:  "gpwr",
	}
	tp := TitlePage{
		Kicker:     "Sprawozdanie z realizacji",
		TitleLines: splitTitle(programGen),
		ForYear:    fmt.Sprintf("za rok %d", y),
		Subtitle:   fmt.Sprintf("wraz z potrzebami w zakresie wspierania rodziny na rok %d", y+1),
		Basis:      "art. 179 ust. 1 ustawy z dnia 9 czerwca 2011 r. o wspieraniu rodziny i systemie pieczy zastępczej",
		Gmina:      gmina,
		Teryt:      cfg.Gmina.Teryt,
		Council:    cfg.Gmina.Rada,
		Presenter:  cfg.Gmina.Wojt,
		OPS:        cfg.OPS.Nazwa,
		OPSAddress: cfg.OPS.Adres,
		Program:    cfg.Program.Nazwa,
		Place:      place,
		Date:       date,
		DateText:   place + ", " + plfmt.Date(date),
		MonthText:  plfmt.MonthYear(date),
		Signatory:  cfg.OPS.Kierownik,
		Position:   nonEmpty(cfg.OPS.Stanowisko, "Kierownik"),
		PreparedBy: cfg.OPS.Sporzadzil,
		Synthetic:  d.SyntheticNote,
	}
	if b.pub {
		tp.Publication = d.PublicationNote
	}
	var contact []string
	if cfg.OPS.Telefon != "" {
		contact = append(contact, "tel. "+cfg.OPS.Telefon)
	}
	if cfg.OPS.Email != "" {
		contact = append(contact, "e-mail: "+cfg.OPS.Email)
	}
	tp.OPSContact = strings.Join(contact, ", ")
	tp.Presented = "Sprawozdanie przedkładane " + councilDative(nonEmpty(cfg.Gmina.Rada, "Rada Gminy")) + " na podstawie " + tp.Basis + "."
	if u := strings.TrimSpace(cfg.Program.Uchwala); u != "" {
		tp.Resolution = "przyjęty uchwałą " + strings.TrimSuffix(u, ".") + "."
	}
	d.TitlePage = tp
	d.Signature = Signature{
		PreparedLabel: "Sporządził(a):",
		PreparedBy:    cfg.OPS.Sporzadzil,
		Position:      tp.Position,
		Institution:   institutionGenitive(cfg.OPS.Nazwa),
		Name:          cfg.OPS.Kierownik,
		PlaceDate:     tp.DateText,
	}

	b.data = narrData{
		Rok: y, RokPoprzedni: y - 1,
		Gmina: cfg.Gmina.Nazwa, OPS: cfg.OPS.Nazwa, Rada: nonEmpty(cfg.Gmina.Rada, "Rada Gminy"),
		Radzie:     councilDative(nonEmpty(cfg.Gmina.Rada, "Rada Gminy")),
		Kierownika: positionGenitive(tp.Position),
		Program:    cfg.Program.Nazwa, ProgramD: programGen, Uchwala: cfg.Program.Uchwala,
		ProgramOd: cfg.Program.Od, ProgramDo: cfg.Program.Do,
		Limit:      cfg.Ustawienia.LimitRodzinAsystenta,
		Potrzeby:   cfg.Tekst.Potrzeby,
		MaHistorie: len(b.years) > 1 && b.historyCount() > 0,
	}
	for h, name := range []string{"I", "II"} {
		p, err := model.HalfPeriod(y, h+1)
		if err != nil {
			return err
		}
		b.data.Okresy = append(b.data.Okresy, okres{Okres: name + " półrocze: " + plfmt.PeriodText(p), Termin: plfmt.Date(cas.Deadline(p))})
	}
	for _, p := range b.in.Missing {
		b.data.BezDanych = append(b.data.BezDanych, partnerName(p))
	}
	for _, c := range b.cur.Lists.DayCentres {
		b.data.Placowki = append(b.data.Placowki, placowka{Nazwa: c.Name, Forma: centreForm(c.Form), Miejsca: c.Places})
	}

	steps := []func() error{
		b.chIntro, b.chProgram, b.chTrainings, b.chCare, b.chFinance, b.chFoster, b.chCAS,
		b.chMonitoring, b.chMatrix, b.chCompare, b.chClosing, b.chNeeds, b.chAnnex,
	}
	for _, f := range steps {
		if err := f(); err != nil {
			return err
		}
	}
	b.indicatorRows()
	return nil
}

func (b *builder) historyCount() int {
	n := 0
	for _, y := range b.years {
		if _, ok := b.byYear[y]; ok && y != b.cur.Period.Year {
			n++
		}
	}
	return n
}

func nonEmpty(s, def string) string {
	if strings.TrimSpace(s) == "" {
		return def
	}
	return s
}

// genitiveProgram turns the programme's name into the genitive used after
// "Sprawozdanie z realizacji": the usual "Gminny Program Wspierania Rodziny …"
// is declined; any other name is quoted.
func genitiveProgram(name string) string {
	name = strings.TrimSpace(name)
	for _, p := range [][2]string{
		{"Gminny Program Wspierania Rodziny", "Gminnego Programu Wspierania Rodziny"},
		{"Gminny program wspierania rodziny", "Gminnego programu wspierania rodziny"},
		{"Miejski Program Wspierania Rodziny", "Miejskiego Programu Wspierania Rodziny"},
		{"Program Wspierania Rodziny", "Programu Wspierania Rodziny"},
	} {
		if strings.HasPrefix(name, p[0]) {
			return p[1] + name[len(p[0]):]
		}
	}
	if name == "" {
		return "gminnego programu wspierania rodziny"
	}
	return "programu „" + name + "”"
}

// splitTitle breaks the programme's name for the title page before "na lata".
func splitTitle(s string) []string {
	if i := strings.Index(s, " na lata"); i > 0 {
		return []string{s[:i], strings.TrimSpace(s[i:])}
	}
	return []string{s}
}

// institutionGenitive declines the usual OPS names for the signature block
// ("Dyrektor Miejsko-Gminnego Ośrodka Pomocy Społecznej w …").
func institutionGenitive(s string) string {
	for _, p := range [][2]string{
		{"Miejsko-Gminny Ośrodek", "Miejsko-Gminnego Ośrodka"},
		{"Miejsko – Gminny Ośrodek", "Miejsko-Gminnego Ośrodka"},
		{"Gminny Ośrodek", "Gminnego Ośrodka"},
		{"Miejski Ośrodek", "Miejskiego Ośrodka"},
		{"Ośrodek", "Ośrodka"},
	} {
		if strings.HasPrefix(s, p[0]) {
			return p[1] + s[len(p[0]):]
		}
	}
	return s
}

// positionGenitive declines the head's position for running text ("do
// dyrektora Ośrodka"); unknown positions give "kierownika".
func positionGenitive(p string) string {
	if strings.HasPrefix(strings.ToLower(strings.TrimSpace(p)), "dyrektor") {
		return "dyrektora"
	}
	return "kierownika"
}

// councilDative declines the council's name: "Rada Miejska w X" → "Radzie
// Miejskiej w X" (names it does not know are kept).
func councilDative(s string) string {
	for _, p := range [][2]string{{"Rada Miejska", "Radzie Miejskiej"}, {"Rada Gminy", "Radzie Gminy"}, {"Rada Miasta", "Radzie Miasta"}, {"Rada ", "Radzie "}} {
		if strings.HasPrefix(s, p[0]) {
			return p[1] + s[len(p[0]):]
		}
	}
	return s
}

func partnerName(p config.Partner) string {
	label := kindLabel(p.Rodzaj)
	if p.Nazwa != "" {
		return p.Nazwa + " (" + label + ")"
	}
	return label
}

var partnerKinds = map[string]string{
	"ppp": "poradnia psychologiczno-pedagogiczna", "policja": "Policja", "kuratorzy": "kuratorzy sądowi",
	"pcpr": "PCPR", "szkoly": "szkoły", "gkrpa": "GKRPA", "kultura": "kultura", "sport": "sport",
	"parafie": "parafie", "pik": "punkt interwencji kryzysowej", "inne": "inne",
}

func kindLabel(k string) string {
	if l, ok := partnerKinds[k]; ok {
		return l
	}
	return k
}

var centreForms = map[string]string{"care": "opiekuńcza", "specialist": "specjalistyczna", "street": "praca podwórkowa", "mixed": "łączona"}

func centreForm(f string) string {
	if s, ok := centreForms[f]; ok {
		return s
	}
	return f
}

// chapter appends a chapter and returns a pointer to it.
func (b *builder) chapter(number, title, anchor string, level int) *Chapter {
	b.doc.Chapters = append(b.doc.Chapters, Chapter{Number: number, Title: title, Anchor: anchor, Level: level})
	return &b.doc.Chapters[len(b.doc.Chapters)-1]
}

func (c *Chapter) add(bs ...Block) { c.Blocks = append(c.Blocks, bs...) }
func (c *Chapter) para(s string)   { c.add(Block{Kind: BlockParagraph, Text: s}) }
func (c *Chapter) table(t *Table)  { c.add(Block{Kind: BlockTable, Table: t}) }

// narr appends the narrative template name (or a [tekst] override) to c.
func (b *builder) narr(c *Chapter, name string) error {
	bs, err := b.narrative(name)
	if err != nil {
		return err
	}
	c.add(bs...)
	return nil
}

// own appends a director's own text of the config (itself a template).
func (b *builder) own(c *Chapter, text, key string) error {
	bs, err := b.execText(text, b.cfg.Path+": [tekst] "+key)
	if err != nil {
		return err
	}
	c.add(bs...)
	return nil
}

func sortedKeys[V any](m map[string]V) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}
