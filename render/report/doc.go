// Package report builds the renderer-neutral document of the annual report
// („Sprawozdanie z realizacji Gminnego Programu Wspierania Rodziny … za rok …”)
// from the model. Build does every decision a reader sees — chapter order,
// sentences, table layout, formatted numbers, publication-mode hiding — once;
// the PDF, XLSX and HTML renderers only lay out a *Doc.
//
// Reading order: Doc.Chapters is the whole report after the title page, in
// order (the table of contents is built from it). A renderer that walks
// Chapters and their Blocks prints everything, the signature block and the
// annex included. The structured fields (Indicators, Needs, Signature, Annex)
// repeat data for renderers that want it as data (XLSX sheets).
package report

import (
	"strconv"
	"time"

	"github.com/gpwr/gpwr/model"
)

// Doc is the annual report, ready to lay out.
type Doc struct {
	Title     string // full title: "Sprawozdanie z realizacji Gminnego Programu … za rok 2025"
	Short     string // for running headers: "Sprawozdanie z realizacji GPWR za 2025 r."
	Gmina     string // "Gmina Chmielnik", for running headers
	Lang      string // "pl-PL"
	Year      int
	Period    model.Period
	Generated time.Time

	// Synthetic is true for demo data; every output must then print
	// SyntheticNote on its face (title page, header of every page or sheet).
	Synthetic     bool
	SyntheticNote string
	// Publication is true in publication mode: cells with Hidden are printed
	// as their Text ("<3") and PublicationNote explains it.
	Publication     bool
	PublicationNote string

	Meta      Meta
	TitlePage TitlePage
	Chapters  []Chapter

	Indicators []IndicatorRow // every indicator of the year, with previous years
	Years      []int          // the years of IndicatorRow.History, oldest first (current year last)
	Needs      []string       // the needs list (also a chapter)
	Signature  Signature      // also a BlockSignature in the closing chapter
	Annex      Annex          // also the annex chapters
}

// Meta is the document metadata (PDF info, XLSX properties, HTML <meta>).
type Meta struct {
	Title, Author, Subject, Keywords, Creator string
}

// TitlePage holds what the first page prints.
type TitlePage struct {
	Kicker      string   // "Sprawozdanie z realizacji"
	TitleLines  []string // the programme's name, split for the page
	ForYear     string   // "za rok 2025"
	Subtitle    string   // "wraz z potrzebami w zakresie wspierania rodziny na rok 2026"
	Presented   string   // "Sprawozdanie przedkładane Radzie Miejskiej w … na podstawie art. 179 ust. 1 …"
	Basis       string   // "art. 179 ust. 1 ustawy z dnia 9 czerwca 2011 r. o wspieraniu rodziny …"
	Gmina       string   // "Gmina Chmielnik"
	Teryt       string
	Council     string // addressee: "Rada Miejska w Chmielniku"
	Presenter   string // "Burmistrz Chmielnika" (may be "")
	OPS         string // "Miejsko-Gminny Ośrodek Pomocy Społecznej w Chmielniku"
	OPSAddress  string
	OPSContact  string // "tel. …, e-mail …" (may be "")
	Program     string // "Gminny Program Wspierania Rodziny na lata 2023–2025"
	Resolution  string // "przyjęty uchwałą Nr LII/526/2023 Rady Miejskiej w Chmielniku z dnia 27 marca 2023 r." (a whole phrase, ending with a period; "" when unknown)
	Place       string // "Chmielnik"
	Date        model.Date
	DateText    string // "Chmielnik, 3 marca 2026 r."
	MonthText   string // "marzec 2026"
	Signatory   string // "mgr Ewelina Skuza"
	Position    string // "Dyrektor"
	PreparedBy  string // "Sporządził(a): …" value, may be ""
	Synthetic   string // = Doc.SyntheticNote when synthetic, else ""
	Publication string // = Doc.PublicationNote in publication mode, else ""
}

// Chapter is a numbered heading with its content. Chapters are a flat list;
// Level 2 chapters are sections of the preceding Level 1 chapter.
type Chapter struct {
	Number string // "3", "3.1"; "" for unnumbered (Wprowadzenie, Załącznik)
	Title  string // "Asystenci rodziny"
	Anchor string // stable id: "asystenci" (HTML id, PDF bookmark key, XLSX sheet link)
	Level  int    // 1 or 2
	Annex  bool   // part of the annex (after the signature)
	Blocks []Block
}

// Tables returns every table of the document, in reading order.
func (d *Doc) Tables() []*Table {
	return blocks(d, BlockTable, func(b Block) *Table { return b.Table })
}

// Charts returns every chart of the document, in reading order.
func (d *Doc) Charts() []*Chart {
	return blocks(d, BlockChart, func(b Block) *Chart { return b.Chart })
}

// blocks collects field of every block of the kind, in reading order.
func blocks[T any](d *Doc, kind BlockKind, field func(Block) *T) []*T {
	var out []*T
	for _, c := range d.Chapters {
		for _, b := range c.Blocks {
			if v := field(b); b.Kind == kind && v != nil {
				out = append(out, v)
			}
		}
	}
	return out
}

// Heading is "3.1. Asystenci rodziny" (or the bare title when unnumbered).
func (c Chapter) Heading() string {
	if c.Number == "" {
		return c.Title
	}
	return c.Number + ". " + c.Title
}

// BlockKind tells which field of a Block is set.
type BlockKind string

const (
	BlockParagraph BlockKind = "akapit"   // Text
	BlockNote      BlockKind = "uwaga"    // Text: a highlighted remark (findings, synthetic data, publication mode)
	BlockTable     BlockKind = "tabela"   // Table
	BlockChart     BlockKind = "wykres"   // Chart
	BlockList      BlockKind = "lista"    // List
	BlockSignature BlockKind = "podpis"   // Signature
	BlockHeading   BlockKind = "naglowek" // Text: an unnumbered sub-heading inside a chapter (not in the TOC)
)

// Block is one element of a chapter.
type Block struct {
	Kind      BlockKind
	Text      string // paragraph, note or sub-heading: formatted Polish text, no markup
	Table     *Table
	Chart     *Chart
	List      *List
	Signature *Signature
}

// Align of a table column.
type Align string

const (
	Left   Align = "left"
	Right  Align = "right"
	Center Align = "center"
)

// Table is a captioned table. Header rows may span columns (Cell.Span).
//
// Span placeholders: every row has exactly one Cell per column. A cell with
// Span n > 1 covers its own column and the next n−1, and it is followed by
// n−1 placeholder cells — zero Cell values (Cell{}) — that stand for the
// covered columns. Renderers skip the placeholders (the PDF renderer by
// counting Span, render/internal/layout.Row for the grid renderers), so a
// placeholder must never carry text or a value.
type Table struct {
	ID      string // stable: "tab-asysta" (HTML id, XLSX sheet key)
	Number  int    // "Tabela nr 3"
	Caption string // "Rodziny objęte wsparciem asystenta rodziny w 2025 r."
	Sheet   string // short name for an XLSX sheet (≤ 31 characters, no []:*?/\)
	Columns []Column
	Header  [][]Cell // header rows (usually one)
	Rows    [][]Cell // body rows
	Footer  [][]Cell // summary rows ("Razem"), may be empty
	Notes   []string // printed under the table: sources, "<3" explanation, remarks
}

// Label is "Tabela nr 3. Rodziny objęte wsparciem …".
func (t Table) Label() string {
	if t.Number == 0 {
		return t.Caption
	}
	return "Tabela nr " + itoa(t.Number) + ". " + t.Caption
}

// Column describes a column of a table.
type Column struct {
	Align Align
	Width float64 // relative width (the renderer scales the sum to the page)
	Unit  model.Unit
	// Group marks a column whose empty body cells continue the filled cell
	// above them (the action and realizator of the programme table, printed
	// once for all its indicators): a renderer may draw them as one merged
	// cell. The cells are still there, with Text "".
	Group bool
}

// Cell is one table cell: the formatted text every renderer prints, and the
// raw value for renderers that store numbers (XLSX).
type Cell struct {
	Text    string     // formatted: "86 072,89 zł", "15", "brak danych", "<3"
	Value   *int64     // raw value: a count, or grosze when Unit is model.UnitMoney; nil for text, not reported or hidden
	Float   *float64   // raw value of a non-integer cell (percentages, in percent); nil otherwise
	Unit    model.Unit // unit of Value ("" for text cells); "%" for Float percentages
	Code    string     // indicator code the value came from, "" for labels
	Missing bool       // not reported ("brak danych"), never 0
	Hidden  bool       // hidden in publication mode: Text is "<3", Value is nil
	Bold    bool       // row labels of sums, header cells
	Span    int        // columns this cell covers (0 or 1 = one); see Table for the placeholders that follow it
	Indent  int        // indentation level of a row label ("z tego", "w tym" rows)
}

// Chart is a chart of indicators over years (or categories).
type Chart struct {
	ID         string // stable: "wykres-asysta" — key of the PNG map of pdf.Write
	Number     int    // "Wykres nr 2"
	Title      string
	Kind       string     // "line" or "bar"
	Unit       model.Unit // of the values (model.UnitMoney: grosze)
	YLabel     string     // axis label: "liczba rodzin", "zł"
	Categories []string   // x axis: years "2021" … "2025"
	Series     []Series
	Alt        string // text alternative: one or two Polish sentences with the figures
}

// Label is "Wykres nr 2. Rodziny z asystentem w latach 2021–2025".
func (c Chart) Label() string {
	if c.Number == 0 {
		return c.Title
	}
	return "Wykres nr " + itoa(c.Number) + ". " + c.Title
}

// Series is one line or set of bars; Values align with Chart.Categories and
// are nil where the year has no data.
type Series struct {
	Name   string
	Code   string
	Values []*int64
	// Texts[i], when not empty, is what a nil Values[i] reads as: "<3" for a
	// count hidden in publication mode (nil alone means brak danych).
	Texts []string
}

// List is a bullet or numbered list of formatted items.
type List struct {
	Ordered bool
	Items   []string
}

// Signature is the signature block.
type Signature struct {
	PreparedLabel string // "Sporządził(a):"
	PreparedBy    string // may be ""
	Position      string // "Dyrektor"
	Institution   string // "Miejsko-Gminnego Ośrodka Pomocy Społecznej w Chmielniku" (may be "")
	Name          string // "mgr Ewelina Skuza"
	PlaceDate     string // "Chmielnik, 3 marca 2026 r."
}

// Annex is where every figure came from.
type Annex struct {
	Sources  []SourceRow
	Findings []model.Finding
	Glossary []GlossaryEntry
	Missing  []string // partners who sent nothing: "PPP — Poradnia … (ppp)"
}

// SourceRow is one input with its provenance.
type SourceRow struct {
	Name   string
	Kind   string // Polish: "baza OPS (SQLite)", "zwrot partnera", …
	Where  string
	ReadAt time.Time
	SHA256 string
	Note   string
}

// GlossaryEntry explains an abbreviation or term.
type GlossaryEntry struct {
	Term, Meaning string
}

// IndicatorRow is one indicator of the year beside previous years.
type IndicatorRow struct {
	Code    string
	Label   string
	Unit    model.Unit
	Source  string // "ops" or the partner file
	Remark  string // partner's remark
	Value   *int64 // nil: not reported or hidden
	Text    string // formatted value of the current year ("brak danych", "<3", text of a text code)
	Missing bool
	Hidden  bool
	// History holds the value of each of Doc.Years (current year last). It
	// is nil both where the year has no data and where the value is hidden
	// in publication mode: HistoryText, of the same length, tells them apart
	// and is what a renderer prints where History is nil ("brak danych",
	// "<3", or the text of a text-valued code).
	History     []*int64
	HistoryText []string
	Change      *int64   // current minus the previous year's value, when both exist
	ChangePct   *float64 // relative change in percent, when defined
}

func itoa(n int) string { return strconv.Itoa(n) }
