package charts

import (
	"fmt"
	"io"
	"math"
	"slices"

	"github.com/deckpdf/deck/deck"
	"github.com/deckpdf/deck/deck/layout"
	"github.com/deckpdf/deck/fonts"
	"github.com/golang/freetype/truetype"
	"github.com/wcharczuk/go-chart/v2"
	"github.com/wcharczuk/go-chart/v2/drawing"
	"golang.org/x/image/font"
	"golang.org/x/image/math/fixed"
)

// A recorder is a go-chart Renderer that draws nothing: it records what
// go-chart and our series draw as layout items, paths in points and text
// runs in the deck's faces, placed on the page. It keeps go-chart's
// drawing state and follows its raster renderer: a path grows until it is
// filled or stroked, colours and widths are those set when it is, and a
// zero colour or width draws nothing.
type recorder struct {
	origin layout.Point // where the canvas's top left corner is on the page
	scale  float64      // points per pixel of the canvas, for sizes and widths
	sx, sy float64      // points per pixel across and down, for positions
	dpi    float64      // what go-chart sets, by which it sizes text
	faces  map[*truetype.Font]*fonts.Face
	src    deck.Pos // the chart, for the text runs

	style style
	path  []subpath // the path being built, in pixels
	items []layout.Item
	err   error // the first problem; Save returns it
}

// A style is the drawing state go-chart sets, in its units: pixels, and
// points of type.
type style struct {
	stroke, fill, text drawing.Color
	width              float64
	dash               []float64
	font               *truetype.Font
	size               float64
	rotation           float64
}

// A subpath is a run of connected points of a path, in pixels.
type subpath struct {
	pts    []layout.Point
	closed bool
}

// newRecorder returns a recorder for a canvas whose top left corner is at
// origin on the page, with dpi pixels to the inch, that knows the text of
// set's faces.
func newRecorder(set *fonts.Set, origin layout.Point, dpi float64, src deck.Pos) (*recorder, error) {
	r := &recorder{origin: origin, scale: 72 / dpi, sx: 72 / dpi, sy: 72 / dpi, dpi: dpi, src: src, faces: map[*truetype.Font]*fonts.Face{}}
	for _, f := range []*fonts.Face{set.Regular, set.Bold} {
		t, err := truetypeFont(f)
		if err != nil {
			return nil, err
		}
		r.faces[t] = f
	}
	return r, nil
}

// fit stretches a canvas of w×h pixels over the rectangle of the page,
// as a picture of that size is: go-chart's canvas is whole pixels, a
// twentieth of a point more or less than the rectangle.
func (r *recorder) fit(rect layout.Rect, w, h int) {
	r.origin = layout.Point{X: rect.X, Y: rect.Y}
	r.sx, r.sy = rect.W/float64(w), rect.H/float64(h)
}

func (r *recorder) fail(format string, args ...any) {
	if r.err == nil {
		r.err = fmt.Errorf(format, args...)
	}
}

// ResetStyle forgets the style, keeping the font, as go-chart's renderers do.
func (r *recorder) ResetStyle() { r.style = style{font: r.style.font} }

// GetDPI returns the resolution go-chart set.
func (r *recorder) GetDPI() float64 { return r.dpi }

// SetDPI sets the resolution by which go-chart sizes text. The canvas keeps
// its own scale.
func (r *recorder) SetDPI(dpi float64) { r.dpi = dpi }

// SetClassName does nothing: classes are for SVG.
func (r *recorder) SetClassName(string) {}

// SetStrokeColor sets the colour of strokes.
func (r *recorder) SetStrokeColor(c drawing.Color) { r.style.stroke = c }

// SetFillColor sets the colour of fills.
func (r *recorder) SetFillColor(c drawing.Color) { r.style.fill = c }

// SetStrokeWidth sets the width of strokes, in pixels.
func (r *recorder) SetStrokeWidth(w float64) { r.style.width = w }

// SetStrokeDashArray sets the dashes of strokes, in pixels; none is solid.
func (r *recorder) SetStrokeDashArray(d []float64) { r.style.dash = d }

// MoveTo starts a subpath at (x, y).
func (r *recorder) MoveTo(x, y int) { r.moveTo(pixel(x, y)) }

func (r *recorder) moveTo(p layout.Point) {
	r.path = append(r.path, subpath{pts: []layout.Point{p}})
}

// LineTo draws a line from the current point to (x, y).
func (r *recorder) LineTo(x, y int) { r.lineTo(pixel(x, y)) }

func (r *recorder) lineTo(pts ...layout.Point) {
	if len(r.path) == 0 {
		r.moveTo(layout.Point{}) // as go-chart's paths do
	}
	if last := &r.path[len(r.path)-1]; last.closed {
		// After a close, a line starts a new subpath from the start of
		// the closed one.
		r.moveTo(last.pts[0])
	}
	last := &r.path[len(r.path)-1]
	last.pts = append(last.pts, pts...)
}

// current returns the current point: the end of the last subpath.
func (r *recorder) current() layout.Point {
	if len(r.path) == 0 {
		return layout.Point{}
	}
	sp := r.path[len(r.path)-1]
	if sp.closed {
		return sp.pts[0]
	}
	return sp.pts[len(sp.pts)-1]
}

// tolerance is flatTolerance in pixels.
func (r *recorder) tolerance() float64 { return flatTolerance / r.scale }

// QuadCurveTo draws a quadratic Bézier curve from the current point by
// (cx, cy) to (x, y), as a polyline.
func (r *recorder) QuadCurveTo(cx, cy, x, y int) {
	r.lineTo(quad(r.current(), pixel(cx, cy), pixel(x, y), r.tolerance())...)
}

// ArcTo draws an elliptical arc around (cx, cy) from the angle start over
// delta (radians, clockwise from three o'clock), as a polyline, joined by a
// line to the current point if there is one: go-chart's raster renderer
// reads the angles so, and its pictures show them so.
func (r *recorder) ArcTo(cx, cy int, rx, ry, start, delta float64) {
	pts := arc(pixel(cx, cy), rx, ry, start, delta, r.tolerance())
	if len(r.path) == 0 {
		r.moveTo(pts[0])
		pts = pts[1:]
	}
	r.lineTo(pts...)
}

// Close joins the current subpath's end to its start.
func (r *recorder) Close() {
	if len(r.path) > 0 {
		r.path[len(r.path)-1].closed = true
	}
}

// Circle adds a circle of radius around (x, y) as a closed subpath, to be
// filled or stroked by the next call, as go-chart's raster renderer does.
func (r *recorder) Circle(radius float64, x, y int) {
	pts := arc(pixel(x, y), radius, radius, math.Pi, 2*math.Pi, r.tolerance())
	r.path = append(r.path, subpath{pts: pts[:len(pts)-1], closed: true})
}

// Stroke strokes the path and starts a new one.
func (r *recorder) Stroke() { r.paint(false, true) }

// Fill fills the path and starts a new one.
func (r *recorder) Fill() { r.paint(true, false) }

// FillStroke fills, then strokes the path and starts a new one.
func (r *recorder) FillStroke() { r.paint(true, true) }

// paint records the path's subpaths as layout paths: a subpath filled and
// stroked solid is one path; otherwise every fill comes before every
// stroke, as in go-chart's raster renderer, and a dashed stroke is one
// path a dash.
func (r *recorder) paint(fill, stroke bool) {
	defer func() { r.path = nil }()
	st := r.style
	var fc, sc deck.Color
	var w float64
	if fill {
		fc = r.color(st.fill)
	}
	if stroke && st.width > 0 {
		if sc = r.color(st.stroke); sc.A != 0 {
			w = st.width * r.scale
		}
	}
	var paths []subpath
	for _, sp := range r.path {
		if len(sp.pts) > 1 {
			paths = append(paths, sp)
		}
	}
	if len(paths) == 1 && len(st.dash) == 0 {
		r.add(layout.Path{Points: r.placeAll(paths[0].pts), Fill: fc, Stroke: sc, Width: w, Closed: paths[0].closed})
		return
	}
	for _, sp := range paths {
		r.add(layout.Path{Points: r.placeAll(sp.pts), Fill: fc, Closed: sp.closed})
	}
	for _, sp := range paths {
		if len(st.dash) == 0 {
			r.add(layout.Path{Points: r.placeAll(sp.pts), Stroke: sc, Width: w, Closed: sp.closed})
			continue
		}
		line := sp.pts
		if sp.closed {
			line = append(slices.Clip(line), line[0])
		}
		for _, d := range dashes(line, st.dash) {
			r.add(layout.Path{Points: r.placeAll(d), Stroke: sc, Width: w})
		}
	}
}

// add records a path that has something to draw.
func (r *recorder) add(p layout.Path) {
	if (p.Fill.A != 0 && len(p.Points) > 2) || (p.Stroke.A != 0 && len(p.Points) > 1) {
		r.items = append(r.items, p)
	}
}

// SetFont sets the font of text: one parsed from a face of the deck.
func (r *recorder) SetFont(f *truetype.Font) { r.style.font = f }

// SetFontColor sets the colour of text.
func (r *recorder) SetFontColor(c drawing.Color) { r.style.text = c }

// SetFontSize sets the size of text, in go-chart's points.
func (r *recorder) SetFontSize(size float64) { r.style.size = size }

// SetTextRotation sets the angle of text, which a text run cannot have:
// text drawn at an angle is an error.
func (r *recorder) SetTextRotation(radians float64) { r.style.rotation = radians }

// ClearTextRotation sets text upright.
func (r *recorder) ClearTextRotation() { r.style.rotation = 0 }

// Text records body as a text run with its baseline starting at (x, y),
// in the deck's face that the current font was parsed from.
func (r *recorder) Text(body string, x, y int) {
	face := r.face()
	if face == nil || body == "" {
		return
	}
	if r.style.rotation != 0 {
		r.fail("charts: text %q is drawn at an angle, which vector charts cannot draw", body)
		return
	}
	c := r.color(r.style.text)
	if c.A == 0 {
		return
	}
	r.items = append(r.items, layout.TextRun{At: r.place(pixel(x, y)), Face: face, Size: r.typeSize(), Fill: c, Text: body, Src: r.src})
}

// MeasureText returns the size of body's text in pixels: its advance width
// by the deck's face, which is how wide the run is drawn, and the height
// of its glyphs' ink, by which go-chart centres labels.
func (r *recorder) MeasureText(body string) chart.Box {
	face := r.face()
	if face == nil {
		return chart.Box{}
	}
	w := face.Width(body, r.typeSize()) / r.scale
	return chart.Box{Right: int(math.Ceil(w)), Bottom: int(math.Ceil(r.inkHeight(body)))}
}

// typeSize is the size of text in points on the page. go-chart's raster
// renderer sets a font of size s at s·dpi/64 pixels to the em, not
// s·dpi/72: its text is an eighth larger than the size says, and the
// pictures show it so.
func (r *recorder) typeSize() float64 { return r.style.size * r.dpi / 64 * r.scale }

// inkHeight returns the height in pixels from the top of the highest glyph
// of s to the bottom of the lowest, counting the baseline in.
func (r *recorder) inkHeight(s string) float64 {
	var g truetype.GlyphBuf
	em := fixed.Int26_6(math.Round(r.typeSize() / r.scale * 64))
	var up, down fixed.Int26_6
	for _, c := range s {
		if g.Load(r.style.font, em, r.style.font.Index(c), font.HintingNone) != nil {
			continue
		}
		up, down = max(up, g.Bounds.Max.Y), max(down, -g.Bounds.Min.Y)
	}
	return float64(up+down) / 64
}

// face returns the deck's face that the current font was parsed from; a
// font that is not the deck's is an error.
func (r *recorder) face() *fonts.Face {
	f, ok := r.faces[r.style.font]
	if !ok {
		r.fail("charts: text in a font that is not one of the deck's")
	}
	return f
}

// color returns c as a deck colour. The painters draw a colour opaque or
// not at all, so a translucent one is an error.
func (r *recorder) color(c drawing.Color) deck.Color {
	if c.A != 0 && c.A != 255 {
		r.fail("charts: colour %v is translucent, which vector charts cannot draw", c)
		return deck.Color{}
	}
	return deck.Color{R: c.R, G: c.G, B: c.B, A: c.A}
}

// Save ends the drawing; it returns the first problem met.
func (r *recorder) Save(io.Writer) error { return r.err }

// pixel is go-chart's pixel (x, y) as a point of the canvas.
func pixel(x, y int) layout.Point { return layout.Point{X: float64(x), Y: float64(y)} }

// place places a point of the canvas, in pixels, on the page.
func (r *recorder) place(p layout.Point) layout.Point {
	return layout.Point{X: r.origin.X + p.X*r.sx, Y: r.origin.Y + p.Y*r.sy}
}

// placeAll places points of the canvas on the page.
func (r *recorder) placeAll(pts []layout.Point) []layout.Point {
	out := make([]layout.Point, len(pts))
	for i, p := range pts {
		out[i] = r.place(p)
	}
	return out
}
