package charts

import (
	"bytes"
	"fmt"
	"image/color"
	"math"
	"sync"

	stdfont "golang.org/x/image/font"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
)

// PNG size and resolution: 16×9 cm at 300 dpi (1890×1063 pixels).
const (
	PNGWidth  = 16 * vg.Centimeter
	PNGHeight = 9 * vg.Centimeter
	PNGDPI    = 300
)

// Palette: six colours, each with at least 3:1 contrast on white (WCAG 1.4.11),
// told apart by hue and by marker shape in the PNG.
var Palette = []string{"#0b5394", "#b45309", "#047857", "#7c3aed", "#be123c", "#374151"}

// gonum/plot keeps its default font in a package variable read by plot.New;
// plotMu serialises our use of it.
var plotMu sync.Mutex

// PNG draws the chart as a 16×9 cm PNG at 300 dpi with Liberation Sans,
// Polish number ticks and a y axis starting at 0. Missing values are gaps
// marked "b.d.", never zero.
func PNG(c Chart) ([]byte, error) {
	if err := c.Validate(); err != nil {
		return nil, err
	}
	d := c.display()

	plotMu.Lock()
	defer plotMu.Unlock()
	plot.DefaultFont = font.Font{Typeface: "Liberation", Variant: "Sans"}
	p := plot.New()

	if c.Caption == "" { // a host document prints the caption itself: one title only
		p.Title.Text = d.Title
	}
	p.Title.TextStyle.Font = font.From(font.Font{Typeface: "Liberation", Variant: "Sans", Weight: stdfont.WeightBold}, 11)
	p.Title.Padding = 2 * vg.Millimeter
	p.Y.Label.Text = c.yLabel()
	p.Y.Label.TextStyle.Font.Size = 9
	p.Y.Tick.Label.Font.Size = 9
	p.X.Tick.Label.Font.Size = 9
	// The legend goes in a strip under the plot, where it never hides data.
	legend := plot.NewLegend()
	legend.TextStyle.Font.Size = 9
	legend.Padding = vg.Points(2)
	legend.Top, legend.Left = true, true
	legend.XOffs = 15 * vg.Millimeter
	grid := plotter.NewGrid()
	grid.Vertical.Color = nil
	grid.Horizontal.Color = color.Gray{Y: 0xd0}
	p.Add(grid)

	n := len(d.Categories)
	p.NominalX(d.Categories...)
	p.X.Min, p.X.Max = -0.5, float64(n)-0.5

	lo, hi := 0.0, 0.0
	for _, s := range d.Series {
		for _, v := range s.Values {
			if v != nil {
				lo, hi = math.Min(lo, *v), math.Max(hi, *v)
			}
		}
	}
	ticks, tlo, thi := niceTicks(lo, hi)
	p.Y.Min, p.Y.Max = tlo, thi
	p.Y.Tick.Marker = plot.ConstantTicks(ticks)

	ns := len(d.Series)
	// Bars share 70 % of a category's slot; the plot area is about 13 cm wide.
	barW := vg.Length(13*float64(vg.Centimeter)/float64(n)) * 0.7 / vg.Length(ns)
	var missing bool
	for k, s := range d.Series {
		col := hexColor(Palette[k%len(Palette)])
		var thumbs []plot.Thumbnailer
		offset := vg.Length(float64(k)-float64(ns-1)/2) * barW
		var gapXY plotter.XYs
		for _, run := range runs(s.Values) {
			switch d.Kind {
			case Bar:
				vals := make(plotter.Values, len(run.vals))
				copy(vals, run.vals)
				b, err := plotter.NewBarChart(vals, barW)
				if err != nil {
					return nil, fmt.Errorf("wykres %q: %w", c.ID, err)
				}
				b.XMin = float64(run.start)
				b.Offset = offset
				b.Color = col
				b.LineStyle.Width = 0
				p.Add(b)
				thumbs = []plot.Thumbnailer{b}
			case Line:
				xys := make(plotter.XYs, len(run.vals))
				for i, v := range run.vals {
					xys[i] = plotter.XY{X: float64(run.start + i), Y: v}
				}
				l, sc, err := plotter.NewLinePoints(xys)
				if err != nil {
					return nil, fmt.Errorf("wykres %q: %w", c.ID, err)
				}
				l.Color = col
				l.Width = vg.Points(2)
				sc.Color = col
				sc.Shape = shapes[k%len(shapes)]
				sc.Radius = vg.Points(3)
				p.Add(l, sc)
				thumbs = []plot.Thumbnailer{l, sc}
			}
		}
		for i, v := range s.Values {
			if v == nil {
				gapXY = append(gapXY, plotter.XY{X: float64(i), Y: tlo})
			}
		}
		if len(gapXY) > 0 {
			missing = true
			lbl := make([]string, len(gapXY))
			for i := range lbl {
				lbl[i] = "b.d."
			}
			labels, err := plotter.NewLabels(plotter.XYLabels{XYs: gapXY, Labels: lbl})
			if err != nil {
				return nil, fmt.Errorf("wykres %q: %w", c.ID, err)
			}
			for i := range labels.TextStyle {
				labels.TextStyle[i].Font = font.From(plot.DefaultFont, 8)
				labels.TextStyle[i].Color = col
				labels.TextStyle[i].XAlign = draw.XCenter
			}
			labels.Offset = vg.Point{X: offset, Y: vg.Points(2 + 9*float64(k))}
			if d.Kind == Line {
				labels.Offset.X = 0
			}
			p.Add(labels)
		}
		if thumbs == nil { // every value missing: the legend still names the series
			thumbs = []plot.Thumbnailer{swatch(col)}
		}
		if ns > 1 || (s.Name != "" && s.Name != d.Title) {
			legend.Add(s.Name, thumbs...)
		}
	}
	if missing {
		p.X.Label.Text = "b.d. – brak danych"
		p.X.Label.TextStyle.Font.Size = 8
	}

	cv := vgimg.NewWith(vgimg.UseWH(PNGWidth, PNGHeight), vgimg.UseDPI(PNGDPI), vgimg.UseBackgroundColor(color.White))
	dc := draw.New(cv)
	var legendH vg.Length
	if r := legend.Rectangle(dc); r.Size().Y > 0 {
		legendH = r.Size().Y + 3*vg.Millimeter
		strip := dc
		strip.Max.Y = strip.Min.Y + legendH
		legend.Draw(draw.Crop(strip, 0, 0, 0, -2*vg.Millimeter))
	}
	p.Draw(draw.Crop(dc, 0, -4*vg.Millimeter, legendH, 0))
	var buf bytes.Buffer
	if _, err := (vgimg.PngCanvas{Canvas: cv}).WriteTo(&buf); err != nil {
		return nil, fmt.Errorf("wykres %q: nie udało się zapisać PNG: %w", c.ID, err)
	}
	return buf.Bytes(), nil
}

var shapes = []draw.GlyphDrawer{draw.CircleGlyph{}, draw.SquareGlyph{}, draw.TriangleGlyph{}, draw.PyramidGlyph{}, draw.RingGlyph{}, draw.BoxGlyph{}}

// run is a stretch of consecutive reported values.
type run struct {
	start int
	vals  []float64
}

func runs(vs []*float64) []run {
	var out []run
	for i, v := range vs {
		if v == nil {
			continue
		}
		if len(out) == 0 || out[len(out)-1].start+len(out[len(out)-1].vals) != i {
			out = append(out, run{start: i})
		}
		out[len(out)-1].vals = append(out[len(out)-1].vals, *v)
	}
	return out
}

// niceTicks returns labelled ticks covering [lo, hi] (lo ≤ 0 ≤ hi) at a step
// of 1, 2 or 5 × 10^k, and the axis range ending on ticks.
func niceTicks(lo, hi float64) ([]plot.Tick, float64, float64) {
	if hi-lo == 0 {
		hi = lo + 1
	}
	raw := (hi - lo) / 5
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	step := mag * 10
	for _, m := range []float64{1, 2, 5, 10} {
		if m*mag >= raw {
			step = m * mag
			break
		}
	}
	if step < 1 && hi-lo >= 1 {
		step = 1
	}
	first := math.Floor(lo/step) * step
	last := math.Ceil(hi/step) * step
	var ticks []plot.Tick
	for i := 0; ; i++ {
		v := first + float64(i)*step
		if v > last+step/2 {
			break
		}
		v = math.Round(v/step) * step
		if math.Abs(v) < step/1e6 {
			v = 0
		}
		ticks = append(ticks, plot.Tick{Value: v, Label: decimal(v)})
	}
	return ticks, first, last
}

func hexColor(s string) color.RGBA {
	var r, g, b uint8
	fmt.Sscanf(s, "#%02x%02x%02x", &r, &g, &b)
	return color.RGBA{R: r, G: g, B: b, A: 0xff}
}

// swatch is a legend thumbnail: a filled square.
type swatch color.RGBA

func (s swatch) Thumbnail(c *draw.Canvas) {
	c.FillPolygon(color.RGBA(s), []vg.Point{c.Min, {X: c.Min.X, Y: c.Max.Y}, c.Max, {X: c.Max.X, Y: c.Min.Y}})
}
