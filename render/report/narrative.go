package report

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"text/template"

	"github.com/gpwr/gpwr/model"
	"github.com/gpwr/gpwr/render/plfmt"
	reporttpl "github.com/gpwr/gpwr/templates/report"
)

// Num is an indicator value as narrative templates see it.
type Num struct {
	Code   string
	N      int64 // the value; the threshold when Hidden
	OK     bool  // reported
	Hidden bool  // hidden in publication mode ("mniej niż 3")
	Unit   model.Unit
	Text   string // formatted value
}

// Jest tells whether the value is reported and above zero (hidden values are).
func (n Num) Jest() bool { return n.OK && (n.Hidden || n.N > 0) }

// Brak tells whether the value was not reported.
func (n Num) Brak() bool { return !n.OK }

// String is the formatted value.
func (n Num) String() string { return n.Text }

// narrData is the data of narrative templates (field names are Polish: the
// director edits the templates).
type narrData struct {
	Rok, RokPoprzedni    int
	Gmina, OPS, Rada     string
	Kierownika           string // the head's position in the genitive, lower case: "kierownika", "dyrektora"
	Radzie               string // the council in the dative
	Program, Uchwala     string
	ProgramD             string // the programme's name in the genitive
	ProgramOd, ProgramDo int
	Limit                int
	Potrzeby             []string
	MaHistorie           bool
	Okresy               []okres
	BezDanych            []string
	Placowki             []placowka
}

type okres struct{ Okres, Termin string }
type placowka struct {
	Nazwa, Forma string
	Miejsca      int64
}

// funcs are the template functions: plfmt's, extended to accept Num. They
// are made once per build.
func (b *builder) funcs() template.FuncMap {
	if b.funcMap == nil {
		b.funcMap = b.makeFuncs()
	}
	return b.funcMap
}

func (b *builder) makeFuncs() template.FuncMap {
	base := plfmt.FuncMap()
	conv := func(v any) any { // Num → *int64 for plfmt's functions
		if n, ok := v.(Num); ok {
			if !n.OK {
				return (*int64)(nil)
			}
			x := n.N
			return &x
		}
		return v
	}
	wrap1 := func(name string) func(any) (string, error) {
		f := base[name].(func(any) (string, error))
		return func(v any) (string, error) {
			if n, ok := v.(Num); ok && n.Hidden {
				return n.Text, nil
			}
			return f(conv(v))
		}
	}
	ile := base["ile"].(func(string, any) (string, error))
	odm := base["odmiana"].(func(string, any) (string, error))
	orz := base["orzeczenie"].(func(string, any, string) (string, error))
	forma := base["forma"].(func(any, string, string, string) (string, error))
	m := template.FuncMap{}
	for k, v := range base {
		m[k] = v
	}
	m["kwota"] = wrap1("kwota")
	m["kwota_zl"] = wrap1("kwota_zl")
	m["liczba"] = wrap1("liczba")
	m["ile"] = func(noun string, v any) (string, error) {
		if n, ok := v.(Num); ok && n.Hidden {
			s, err := ile(noun, n.N)
			return "mniej niż " + s, err
		}
		return ile(noun, conv(v))
	}
	m["odmiana"] = func(noun string, v any) (string, error) { return odm(noun, conv(v)) }
	m["orzeczenie"] = func(noun string, v any, verb string) (string, error) { return orz(noun, conv(v), verb) }
	m["forma"] = func(v any, one, few, many string) (string, error) { return forma(conv(v), one, few, many) }
	m["w"] = func(code string) Num { return b.num(code) }
	m["wartosc"] = func(code string) string { return b.num(code).Text }
	m["suma"] = func(vs ...Num) Num {
		s := Num{OK: true}
		for _, v := range vs {
			if !v.OK {
				return Num{Text: plfmt.BrakDanych}
			}
			s.N += v.N
			s.Unit = v.Unit
			s.Code += "+" + v.Code
		}
		s.Text = formatValue(s.N, s.Unit)
		return s
	}
	m["inc"] = func(y int) int { return y + 1 }
	return m
}

// templateSource finds a template's text: the gmina's directories first
// (DIR/report/NAME.tmpl, then DIR/NAME.tmpl), then the built-in one. It
// returns the text and where it came from.
func (b *builder) templateSource(name string) (string, string, error) {
	file := name + ".tmpl"
	for _, dir := range b.tmplDirs {
		for _, p := range []string{filepath.Join(dir, "report", file), filepath.Join(dir, file)} {
			data, err := os.ReadFile(p)
			if err == nil {
				return string(data), p, nil
			}
			if !errors.Is(err, fs.ErrNotExist) {
				return "", p, fmt.Errorf("nie można odczytać szablonu %s: %v", p, err)
			}
		}
	}
	data, err := fs.ReadFile(reporttpl.FS, file)
	if err != nil {
		return "", "templates/report/" + file, fmt.Errorf("brak wbudowanego szablonu %s", file)
	}
	return string(data), "templates/report/" + file, nil
}

// narrative renders the template name into blocks.
func (b *builder) narrative(name string) ([]Block, error) {
	text, where, err := b.templateSource(name)
	if err != nil {
		return nil, err
	}
	return b.execText(text, where)
}

// execText runs a template text (a file or a [tekst] value of the config) and
// splits its output into blocks.
func (b *builder) execText(text, where string) ([]Block, error) {
	t, err := template.New(where).Funcs(b.funcs()).Option("missingkey=error").Parse(text)
	if err != nil {
		return nil, fmt.Errorf("błąd w szablonie %s: %v", where, polishTemplateErr(err))
	}
	var out bytes.Buffer
	if err := t.Execute(&out, b.data); err != nil {
		return nil, fmt.Errorf("błąd podczas wypełniania szablonu %s: %v", where, polishTemplateErr(err))
	}
	return splitBlocks(out.String()), nil
}

func polishTemplateErr(err error) string {
	s := err.Error()
	for _, r := range templateErrPL {
		s = r.re.ReplaceAllString(s, r.to)
	}
	return s
}

// templateErrPL translates Go's text/template errors (the gmina edits these
// templates): the file name, already given by the caller, becomes „wiersz N”.
var templateErrPL = []struct {
	re *regexp.Regexp
	to string
}{
	{regexp.MustCompile(`template: `), ""},
	{regexp.MustCompile(`executing "[^"]*" at <([^>]*)>: `), "w wyrażeniu {{$1}}: "},
	{regexp.MustCompile(`[^\s:]+\.tmpl:(\d+):(\d+): `), "wiersz $1, kolumna $2: "},
	{regexp.MustCompile(`[^\s:]+\.tmpl:(\d+): `), "wiersz $1: "},
	{regexp.MustCompile(`unclosed action started at [^\s:]+:(\d+)`), "niezamknięte {{ … }} rozpoczęte w wierszu $1"},
	{regexp.MustCompile(`unclosed action`), "niezamknięte {{ … }}"},
	{regexp.MustCompile(`can't evaluate field (\S+) in type \S+`), "nieznane pole .$1"},
	{regexp.MustCompile(`map has no entry for key "([^"]*)"`), "nieznane pole .$1"},
	{regexp.MustCompile(`function "([^"]*)" not defined`), "funkcja „$1” nie istnieje"},
	{regexp.MustCompile(`wrong number of args for (\S+): want (\d+) got (\d+)`), "funkcja $1: oczekiwana liczba argumentów: $2, podano: $3"},
	{regexp.MustCompile(`error calling (\S+): `), "błąd w funkcji $1: "},
	{regexp.MustCompile(`unexpected EOF`), "nieoczekiwany koniec pliku (brak {{end}}?)"},
	{regexp.MustCompile(`unexpected (\{\{end\}\}|\{\{else\}\})`), "nadmiarowe $1"},
	{regexp.MustCompile(`unexpected "([^"]*)" in (\S+)`), "nieoczekiwany znak „$1”"},
	{regexp.MustCompile(`unexpected (.+) in (operand|command|input)`), "nieoczekiwane $1"},
	{regexp.MustCompile(`missing value for (\S+)`), "brak wartości w $1"},
	{regexp.MustCompile(`bad character (U\+\S+)`), "niedozwolony znak $1"},
}

// splitBlocks turns template output into blocks: an empty line separates
// paragraphs, "- " lines form a bullet list, "## " a sub-heading, "! " a note.
func splitBlocks(s string) []Block {
	var blocks []Block
	var para []string
	var list []string
	flushPara := func() {
		if len(para) > 0 {
			blocks = append(blocks, Block{Kind: BlockParagraph, Text: strings.Join(para, " ")})
			para = nil
		}
	}
	flushList := func() {
		if len(list) > 0 {
			blocks = append(blocks, Block{Kind: BlockList, List: &List{Items: list}})
			list = nil
		}
	}
	for _, line := range strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n") {
		line = strings.TrimSpace(line)
		switch {
		case line == "":
			flushPara()
			flushList()
		case strings.HasPrefix(line, "- ") || strings.HasPrefix(line, "– "):
			flushPara()
			list = append(list, strings.TrimSpace(line[strings.Index(line, " ")+1:]))
		case strings.HasPrefix(line, "## "):
			flushPara()
			flushList()
			blocks = append(blocks, Block{Kind: BlockHeading, Text: strings.TrimSpace(line[3:])})
		case strings.HasPrefix(line, "! "):
			flushPara()
			flushList()
			blocks = append(blocks, Block{Kind: BlockNote, Text: strings.TrimSpace(line[2:])})
		default:
			flushList()
			para = append(para, line)
		}
	}
	flushPara()
	flushList()
	return blocks
}
