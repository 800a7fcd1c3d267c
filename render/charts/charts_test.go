package charts

import (
	"bytes"
	"flag"
	"image/png"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/gpwr/gpwr/render/internal/golden"
	"github.com/gpwr/gpwr/tools/browsercheck"
)

var (
	keep = flag.String("keep", "", "also write the rendered files into this directory, to look at them")
)

// fixtures are the charts every test draws: a line with a gap, money in
// grosze, a grouped bar chart with a missing value, and an all-missing series.
func fixtures() []Chart {
	return []Chart{
		{
			ID: "asysta_rodziny", Title: "Rodziny objęte asystą rodzinną", Unit: "rodziny", Kind: Line,
			Categories: []string{"2021", "2022", "2023", "2024", "2025"},
			Series: []Series{
				{Name: "Rodziny z asystentem", Values: []*float64{F(18), F(22), nil, F(25), F(21)}},
				{Name: "w tym zobowiązane przez sąd", Values: []*float64{F(3), F(4), F(2), F(5), F(6)}},
			},
		},
		{
			ID: "koszt_pieczy", Title: "Wydatki gminy na pieczę zastępczą", Unit: UnitGrosze, Kind: Bar,
			Categories: []string{"2023", "2024", "2025"},
			Series: []Series{
				{Name: "10 %", Values: []*float64{F(1234567), F(2345678), F(1500000)}},
				{Name: "30 %", Values: []*float64{F(3456789), nil, F(4100012)}},
				{Name: "50 %", Values: []*float64{F(8607289), F(9012345), F(12345678)}},
			},
		},
		{
			ID: "placowki", Title: "Dzieci w placówkach wsparcia dziennego", Unit: "dzieci", Kind: Bar,
			Categories: []string{"2023", "2024", "2025"},
			Series: []Series{
				{Name: "Dzieci", Values: []*float64{F(40), F(42), F(38)}},
				{Name: "Partnerzy", Values: []*float64{nil, nil, nil}},
			},
		},
	}
}

func keepFile(t *testing.T, name string, b []byte) {
	t.Helper()
	if *keep == "" {
		return
	}
	if err := os.MkdirAll(*keep, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(*keep, name), b, 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestPNG(t *testing.T) {
	for _, c := range fixtures() {
		t.Run(c.ID, func(t *testing.T) {
			b, err := PNG(c)
			if err != nil {
				t.Fatal(err)
			}
			keepFile(t, c.ID+".png", b)
			img, err := png.Decode(bytes.NewReader(b))
			if err != nil {
				t.Fatalf("PNG does not decode: %v", err)
			}
			if got := img.Bounds().Size(); got.X != 1890 || got.Y != 1063 {
				t.Fatalf("size %v, want 1890×1063 (16×9 cm at 300 dpi)", got)
			}
		})
	}
}

func TestHTMLGolden(t *testing.T) {
	var b bytes.Buffer
	if err := writePage(&b, "Wskaźniki w latach 2021–2025", fixtures(), "/* echarts.min.js */"); err != nil {
		t.Fatal(err)
	}
	golden.Check(t, "strona.golden.html", b.Bytes())
}

func TestScriptEmbedded(t *testing.T) {
	js, err := Script()
	if err != nil {
		t.Fatalf("%v (go generate ./render/charts)", err)
	}
	if len(js) < 500_000 || !strings.Contains(js, "echarts") {
		t.Fatalf("embedded script does not look like echarts.min.js (%d bytes)", len(js))
	}
	if strings.Contains(js, "</script") {
		t.Fatal("the script cannot be inlined: it contains </script")
	}
}

// TestHTMLDrawsOffline opens the page in headless Chromium with the network
// off and checks that every chart drew on its canvas with no request leaving
// the file.
func TestHTMLDrawsOffline(t *testing.T) {
	path := filepath.Join(t.TempDir(), "wykresy.html")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	cs := fixtures()
	if err := HTMLPage(f, "Wskaźniki w latach 2021–2025", cs); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	if b, err := os.ReadFile(path); err == nil {
		keepFile(t, "wykresy.html", b)
	}
	r := browsercheck.Run(t, path, false)
	if len(r.Requests) > 0 || len(r.Failed) > 0 {
		t.Errorf("the page asked the network: requests %v, failed %v", r.Requests, r.Failed)
	}
	if len(r.Errors) > 0 || len(r.Console) > 0 {
		t.Errorf("script errors %v, console %v", r.Errors, r.Console)
	}
	if len(r.Charts) != len(cs) {
		t.Fatalf("browser found %d charts, want %d", len(r.Charts), len(cs))
	}
	for _, c := range r.Charts {
		t.Logf("%s: canvas %d×%d, %d painted pixels, %d colours", c.ID, c.Width, c.Height, c.Painted, c.Colors)
		if !c.Instance || !c.Canvas || c.Width < 300 || c.Height < 200 {
			t.Errorf("%s: no ECharts canvas (%+v)", c.ID, c)
		}
		// Axes, labels and series paint several per cent of the canvas in
		// several colours; a blank or axis-only canvas does not.
		if c.Painted < c.Width*c.Height/50 || c.Colors < 4 {
			t.Errorf("%s: canvas looks blank: %d of %d pixels painted, %d colours", c.ID, c.Painted, c.Width*c.Height, c.Colors)
		}
		// The first series is drawn in the first palette colour.
		if n := c.Pixels(Palette[0]); n < 300 {
			t.Errorf("%s: only %d pixels of the first series colour %s (top colours %v)", c.ID, n, Palette[0], c.Top)
		}
		// The JS formatters give what plfmt gives in Go.
		for _, v := range []float64{1234567.5, 86072.89, 12345, 1234, -2.5, 0} {
			probe := "y:" + strconv.FormatFloat(v, 'f', -1, 64)
			if got, want := c.Formatted[probe], decimal(v); got != want {
				t.Errorf("%s: formatter %s gave %q, Go gives %q", c.ID, probe, got, want)
			}
		}
		if got := c.Formatted["tip:null"]; got != BrakDanych {
			t.Errorf("%s: tooltip of a missing value gave %q", c.ID, got)
		}
	}
	if got, want := r.Charts[1].Formatted["tip:86072.89"], "86\u00a0072,89\u00a0zł"; got != want {
		t.Errorf("money tooltip gave %q, want %q", got, want)
	}
}

func TestHTMLMissingScript(t *testing.T) {
	if ErrNoScript.Error() != "brak skryptu ECharts – uruchom ./dev assets" {
		t.Fatal(ErrNoScript)
	}
}

func TestValidate(t *testing.T) {
	ok := fixtures()[0]
	for name, mut := range map[string]func(*Chart){
		"kind":       func(c *Chart) { c.Kind = "pie" },
		"categories": func(c *Chart) { c.Categories = nil },
		"series":     func(c *Chart) { c.Series = nil },
		"length":     func(c *Chart) { c.Series = []Series{{Name: "x", Values: []*float64{F(1)}}} },
	} {
		c := ok
		mut(&c)
		if _, err := PNG(c); err == nil {
			t.Errorf("%s: PNG accepted a bad chart", name)
		}
		if _, err := FigureHTML(c); err == nil {
			t.Errorf("%s: FigureHTML accepted a bad chart", name)
		}
	}
}

func TestDescribeAndValue(t *testing.T) {
	cs := fixtures()
	for _, tc := range []struct {
		c    Chart
		v    *float64
		want string
	}{
		{cs[1], F(8607289), "86\u00a0072,89\u00a0zł"},
		{cs[1], nil, "brak danych"},
		{cs[0], F(25), "25"},
		{cs[0], F(0), "0"},
		{Chart{Unit: UnitPercent}, F(12.5), "12,5\u00a0%"},
		{Chart{Unit: UnitZloty}, F(1234567.891), "1\u00a0234\u00a0567,89\u00a0zł"},
	} {
		if got := tc.c.Value(tc.v); got != tc.want {
			t.Errorf("Value(%v) in %q = %q, want %q", tc.v, tc.c.Unit, got, tc.want)
		}
	}
	want := "Wykres liniowy: Rodziny objęte asystą rodzinną (rodziny). Rodziny z asystentem: 2021 – 18; 2022 – 22; 2023 – brak danych; 2024 – 25; 2025 – 21. w tym zobowiązane przez sąd: 2021 – 3; 2022 – 4; 2023 – 2; 2024 – 5; 2025 – 6."
	if got := cs[0].Describe(); got != want {
		t.Errorf("Describe:\n got %s\nwant %s", got, want)
	}
}
