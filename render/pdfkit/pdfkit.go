// Package pdfkit is gpwr's shared maroto/v2 setup for every PDF it writes (the
// annual report, the CAS print-out): Liberation Sans as the only font family
// (Polish letters silently vanish with maroto's built-in families), A4,
// margins, compression, metadata and „Strona N z M”; text measuring for
// renderers that paginate tables themselves; and Finish, a pdfcpu
// post-processing step that adds bookmarks (the outline) and the document
// language.
//
// Typical use:
//
//	m, err := pdfkit.New(pdfkit.Options{Title: "…", Author: "…"})
//	… m.AddAutoRow(text.NewCol(pdfkit.Grid, "Zażółć", pdfkit.Text(10)))
//	doc, err := m.Generate()
//	out, err := pdfkit.Finish(doc.GetBytes(), "pl-PL", bookmarks)
//	err = output.WriteFile(path, out)
package pdfkit

import (
	"bytes"
	"fmt"
	"strings"
	"sync"
	"time"

	"codeberg.org/go-fonts/liberation/liberationsansbold"
	"codeberg.org/go-fonts/liberation/liberationsansbolditalic"
	"codeberg.org/go-fonts/liberation/liberationsansitalic"
	"codeberg.org/go-fonts/liberation/liberationsansregular"
	"github.com/johnfercher/maroto/v2"
	"github.com/johnfercher/maroto/v2/pkg/config"
	"github.com/johnfercher/maroto/v2/pkg/consts/fontstyle"
	"github.com/johnfercher/maroto/v2/pkg/consts/pagesize"
	"github.com/johnfercher/maroto/v2/pkg/core"
	"github.com/johnfercher/maroto/v2/pkg/core/entity"
	"github.com/johnfercher/maroto/v2/pkg/props"
	"github.com/johnfercher/maroto/v2/pkg/repository"
	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
	"github.com/phpdave11/gofpdf"
)

// Family is the only font family gpwr's PDFs use (Liberation Sans, metrics of
// Arial, SIL OFL 1.1), registered for all four styles.
const Family = "liberation"

// A4 page and default margins, in millimetres.
const (
	PageWidth    = 210.0
	PageHeight   = 297.0
	MarginLeft   = 20.0
	MarginRight  = 15.0
	MarginTop    = 15.0
	MarginBottom = 15.0
	// ContentWidth is the width between the margins.
	ContentWidth = PageWidth - MarginLeft - MarginRight
)

// Grid is the number of grid columns of a row (maroto's WithMaxGridSize):
// a full-width column is Grid wide. It is finer than maroto's default 12 so
// table columns can be sized to their content.
const Grid = 120

// PageNumberPattern is printed at the bottom right of every page.
const PageNumberPattern = "Strona {current} z {total}"

func init() {
	// pdfcpu must never write ~/.config/pdfcpu (and exits the process when it
	// cannot): gpwr needs none of its user configuration.
	api.DisableConfigDir()
}

// Options are the document-level settings.
type Options struct {
	Title, Author, Subject, Keywords string
	Creator                          string    // default "gpwr"
	Created                          time.Time // default now
	NoPageNumbers                    bool      // omit „Strona N z M”

	// Layout; a zero value takes the default.
	Grid     int     // grid columns of a row: default Grid
	Margins  Margins // mm: default MarginLeft, MarginRight, MarginTop, MarginBottom
	FontSize float64 // default font size, pt: default 10
}

// Margins are page margins in millimetres; a zero side takes the default.
type Margins struct {
	Left, Right, Top, Bottom float64
}

// orDefault is v, or def when v is zero.
func orDefault[T int | float64](v, def T) T {
	if v == 0 {
		return def
	}
	return v
}

var (
	fontsOnce sync.Once
	fonts     []*entity.CustomFont
	fontsErr  error
)

// Fonts returns the four Liberation Sans faces registered as Family.
func Fonts() ([]*entity.CustomFont, error) {
	fontsOnce.Do(func() {
		fonts, fontsErr = repository.New().
			AddUTF8FontFromBytes(Family, fontstyle.Normal, liberationsansregular.TTF).
			AddUTF8FontFromBytes(Family, fontstyle.Bold, liberationsansbold.TTF).
			AddUTF8FontFromBytes(Family, fontstyle.Italic, liberationsansitalic.TTF).
			AddUTF8FontFromBytes(Family, fontstyle.BoldItalic, liberationsansbolditalic.TTF).
			Load()
	})
	return fonts, fontsErr
}

// Config builds the maroto configuration: A4, margins, Liberation Sans 10 pt
// as default, compression, metadata and page numbers (the layout as o says).
func Config(o Options) (*entity.Config, error) {
	fs, err := Fonts()
	if err != nil {
		return nil, fmt.Errorf("nie można załadować czcionki Liberation Sans: %w", err)
	}
	if o.Creator == "" {
		o.Creator = "gpwr"
	}
	if o.Created.IsZero() {
		o.Created = time.Now()
	}
	b := config.NewBuilder().
		WithPageSize(pagesize.A4).
		WithLeftMargin(orDefault(o.Margins.Left, MarginLeft)).WithRightMargin(orDefault(o.Margins.Right, MarginRight)).
		WithTopMargin(orDefault(o.Margins.Top, MarginTop)).WithBottomMargin(orDefault(o.Margins.Bottom, MarginBottom)).
		WithCustomFonts(fs).
		WithDefaultFont(&props.Font{Family: Family, Size: orDefault(o.FontSize, 10)}).
		WithCompression(true).
		WithMaxGridSize(orDefault(o.Grid, Grid)).
		WithSequentialMode().
		WithTitle(o.Title, true).
		WithAuthor(o.Author, true).
		WithSubject(o.Subject, true).
		WithKeywords(o.Keywords, true).
		WithCreator(o.Creator, true).
		WithCreationDate(o.Created)
	if !o.NoPageNumbers {
		b = b.WithPageNumber(props.PageNumber{Pattern: PageNumberPattern, Place: props.RightBottom, Family: Family, Size: 8, Color: &props.Color{Red: 90, Green: 90, Blue: 90}})
	}
	return b.Build(), nil
}

// New returns a maroto document with Config(o).
func New(o Options) (core.Maroto, error) {
	cfg, err := Config(o)
	if err != nil {
		return nil, err
	}
	return maroto.New(cfg), nil
}

// Text returns text properties in Family with the given size and a vertical
// padding that keeps Polish capitals' accents off the line above. Pass
// further settings by modifying the result.
func Text(size float64) props.Text {
	return props.Text{Family: Family, Size: size, VerticalPadding: size * 0.12}
}

// Bold is Text in bold.
func Bold(size float64) props.Text {
	t := Text(size)
	t.Style = fontstyle.Bold
	return t
}

// FontHeight is the height of one line of text of the given size, in mm, as
// maroto computes it.
func FontHeight(size float64) float64 { return size * 25.4 / 72 }

// Measurer measures strings in Liberation Sans exactly as maroto breaks
// lines (at ASCII spaces only), so a renderer can know a row's height before
// adding it (e.g. to repeat a table header after a page break).
type Measurer struct {
	pdf *gofpdf.Fpdf
	mu  sync.Mutex
}

// NewMeasurer prepares a measurer.
func NewMeasurer() (*Measurer, error) {
	p := gofpdf.New("P", "mm", "A4", "")
	p.AddUTF8FontFromBytes(Family, "", liberationsansregular.TTF)
	p.AddUTF8FontFromBytes(Family, "B", liberationsansbold.TTF)
	p.AddUTF8FontFromBytes(Family, "I", liberationsansitalic.TTF)
	p.AddUTF8FontFromBytes(Family, "BI", liberationsansbolditalic.TTF)
	if err := p.Error(); err != nil {
		return nil, fmt.Errorf("nie można załadować czcionki do pomiaru tekstu: %w", err)
	}
	return &Measurer{pdf: p}, nil
}

// Lines is the number of lines maroto needs for s in a column width w (mm).
func (ms *Measurer) Lines(s string, p props.Text, w float64) int {
	n := len(ms.Split(s, p, w))
	if n == 0 {
		return 1
	}
	return n
}

// Split breaks s into the lines maroto prints in a column width w (mm),
// breaking at ASCII spaces only, as maroto does.
func (ms *Measurer) Split(s string, p props.Text, w float64) []string {
	ms.mu.Lock()
	defer ms.mu.Unlock()
	ms.pdf.SetFont(Family, styleOf(p.Style), p.Size)
	w -= p.Left + p.Right
	cur := 0.0
	var lines []string
	for _, word := range splitSpaces(s) {
		piece := word
		if len(lines) > 0 {
			piece = " " + word
		}
		wd := ms.pdf.GetStringWidth(piece)
		if cur+wd <= w {
			if len(lines) == 0 {
				lines = append(lines, word)
			} else {
				lines[len(lines)-1] += piece
			}
			cur += wd
			continue
		}
		lines = append(lines, word)
		cur = ms.pdf.GetStringWidth(word)
	}
	return lines
}

// Fit returns s with every word wider than the column w (mm) broken so it
// wraps instead of overflowing: after a hyphen, slash, underscore or dot when
// that is enough, else between letters. Words that fit are left alone.
func (ms *Measurer) Fit(s string, p props.Text, w float64) string {
	w -= p.Left + p.Right
	words := strings.Split(s, " ")
	changed := false
	for i, word := range words {
		if word == "" || ms.width(word, p) <= w {
			continue
		}
		changed = true
		var parts []string
		cur := ""
		for _, r := range word {
			next := cur + string(r)
			if cur != "" && ms.width(next, p) > w {
				// Prefer the last break character inside cur.
				if j := strings.LastIndexAny(cur, "-/_."); j >= 0 && j < len(cur)-1 {
					parts = append(parts, cur[:j+1])
					cur = cur[j+1:] + string(r)
					continue
				}
				parts = append(parts, cur)
				cur = string(r)
				continue
			}
			cur = next
		}
		words[i] = strings.Join(append(parts, cur), " ")
	}
	if !changed {
		return s
	}
	return strings.Join(words, " ")
}

// Width is the width of s on one line, in mm, without padding.
func (ms *Measurer) Width(s string, p props.Text) float64 { return ms.width(s, p) }

func (ms *Measurer) width(s string, p props.Text) float64 {
	ms.mu.Lock()
	defer ms.mu.Unlock()
	ms.pdf.SetFont(Family, styleOf(p.Style), p.Size)
	return ms.pdf.GetStringWidth(s)
}

func styleOf(st fontstyle.Type) string {
	switch st {
	case fontstyle.Bold:
		return "B"
	case fontstyle.Italic:
		return "I"
	case fontstyle.BoldItalic:
		return "BI"
	}
	return ""
}

func splitSpaces(s string) []string {
	var out []string
	start := 0
	for i := 0; i < len(s); i++ {
		if s[i] == ' ' {
			if i > start {
				out = append(out, s[start:i])
			}
			start = i + 1
		}
	}
	if start < len(s) {
		out = append(out, s[start:])
	}
	return out
}

// Height is the height maroto gives a text component with s in width w.
func (ms *Measurer) Height(s string, p props.Text, w float64) float64 {
	n := ms.Lines(s, p, w)
	return float64(n)*FontHeight(p.Size) + float64(n-1)*p.VerticalPadding + p.Top + p.Bottom
}

// Bookmark is one entry of the PDF outline; Kids nest under it.
type Bookmark struct {
	Title string
	Page  int // 1-based
	Kids  []Bookmark
}

// Finish post-processes a generated PDF with pdfcpu: adds the outline and
// sets the catalog's /Lang (e.g. "pl-PL"). Either may be empty.
func Finish(pdf []byte, lang string, bms []Bookmark) ([]byte, error) {
	conf := model.NewDefaultConfiguration()
	conf.ValidationMode = model.ValidationRelaxed
	ctx, err := api.ReadValidateAndOptimize(bytes.NewReader(pdf), conf)
	if err != nil {
		return nil, fmt.Errorf("nie można przetworzyć wygenerowanego PDF: %w", err)
	}
	if len(bms) > 0 {
		if err := pdfcpu.AddBookmarks(ctx, convert(bms), true); err != nil {
			return nil, fmt.Errorf("nie można dodać zakładek do PDF: %w", err)
		}
	}
	if lang != "" {
		cat, err := ctx.Catalog()
		if err != nil {
			return nil, fmt.Errorf("PDF bez katalogu: %w", err)
		}
		cat.Update("Lang", types.StringLiteral(lang))
		// Open the outline panel when there is one.
		if len(bms) > 0 {
			cat.Update("PageMode", types.Name("UseOutlines"))
		}
	}
	var out bytes.Buffer
	if err := api.WriteContext(ctx, &out); err != nil {
		return nil, fmt.Errorf("nie można zapisać PDF: %w", err)
	}
	return out.Bytes(), nil
}

func convert(bms []Bookmark) []pdfcpu.Bookmark {
	out := make([]pdfcpu.Bookmark, 0, len(bms))
	for _, b := range bms {
		out = append(out, pdfcpu.Bookmark{Title: b.Title, PageFrom: b.Page, Kids: convert(b.Kids)})
	}
	return out
}
