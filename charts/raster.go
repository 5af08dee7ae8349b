package charts

import (
	"image"
	"math"

	"github.com/wcharczuk/go-chart/v2"
	"github.com/wcharczuk/go-chart/v2/drawing"
)

// quickPNG is go-chart's raster renderer, on a new canvas, with a short
// way for the shape a chart is mostly made of: a rectangle on whole pixels
// filled with an opaque colour (the background, the plot area, every bar).
// go-chart's coordinates are whole pixels, so the rasterizer covers such a
// rectangle exactly, pixel for pixel, and a plain fill paints the same
// pixels at a fraction of the cost. Every other path, every translucent
// fill and every stroke goes to go-chart's renderer as before. A render
// draws on canvases it uses again (see canvases).
func quickPNG(width, height int) (chart.Renderer, error) {
	return (&chartCanvas{}).provider()(width, height)
}

// A quickRaster holds back the path being built while it may still be a
// rectangle, and hands it to go-chart's renderer when it is not.
type quickRaster struct {
	chart.Renderer
	img          *indexedCanvas
	fill, stroke drawing.Color
	strokeWidth  float64
	rotated      bool // a text rotation may have turned the renderer's axes
	held         []pathOp
	forwarded    bool // part of the current path is already with go-chart
	// painted is a part of the canvas all of one opaque colour,
	// paintedColor: the last rectangle quickFill painted, until go-chart
	// paints anything. A rectangle of that colour inside it is painted
	// already: the plot area on the background, when both are white, is
	// 8 MB of pixels not written twice on the report's widest chart.
	painted      image.Rectangle
	paintedColor drawing.Color
}

// A pathOp is a held MoveTo, LineTo or Close.
type pathOp struct {
	kind byte // 'M', 'L' or 'Z'
	x, y int
}

func (q *quickRaster) SetFillColor(c drawing.Color) { q.fill = c; q.Renderer.SetFillColor(c) }

func (q *quickRaster) SetStrokeColor(c drawing.Color) { q.stroke = c; q.Renderer.SetStrokeColor(c) }

func (q *quickRaster) SetStrokeWidth(w float64) { q.strokeWidth = w; q.Renderer.SetStrokeWidth(w) }

func (q *quickRaster) ResetStyle() {
	q.fill, q.stroke, q.strokeWidth, q.rotated = drawing.Color{}, drawing.Color{}, 0, false
	q.Renderer.ResetStyle()
}

func (q *quickRaster) SetTextRotation(radians float64) {
	q.rotated = true
	q.Renderer.SetTextRotation(radians)
}

func (q *quickRaster) ClearTextRotation() {
	q.rotated = false
	q.Renderer.ClearTextRotation()
}

func (q *quickRaster) MoveTo(x, y int) { q.held = append(q.held, pathOp{'M', x, y}) }

func (q *quickRaster) LineTo(x, y int) { q.held = append(q.held, pathOp{'L', x, y}) }

func (q *quickRaster) Close() { q.held = append(q.held, pathOp{'Z', 0, 0}) }

func (q *quickRaster) QuadCurveTo(cx, cy, x, y int) {
	q.release()
	q.Renderer.QuadCurveTo(cx, cy, x, y)
}

func (q *quickRaster) ArcTo(cx, cy int, rx, ry, startAngle, delta float64) {
	q.release()
	q.Renderer.ArcTo(cx, cy, rx, ry, startAngle, delta)
}

func (q *quickRaster) Circle(radius float64, x, y int) {
	q.release()
	q.Renderer.Circle(radius, x, y)
}

// Text fills the glyphs together with any path not yet painted, as
// go-chart's renderer does.
func (q *quickRaster) Text(body string, x, y int) {
	q.release()
	q.Renderer.Text(body, x, y)
	q.forwarded, q.painted = false, image.Rectangle{}
}

func (q *quickRaster) Stroke() {
	q.release()
	q.Renderer.Stroke()
	q.forwarded, q.painted = false, image.Rectangle{}
}

func (q *quickRaster) Fill() {
	if _, ok := q.quickFill(); ok {
		return
	}
	q.release()
	q.Renderer.Fill()
	q.forwarded, q.painted = false, image.Rectangle{}
}

func (q *quickRaster) FillStroke() {
	held := q.held
	r, ok := q.quickFill()
	if !ok {
		q.release()
		q.Renderer.FillStroke()
		q.forwarded, q.painted = false, image.Rectangle{}
		return
	}
	if q.stroke.A == 0 {
		return // a transparent stroke leaves every pixel as it is
	}
	q.held = held
	q.Stroke()
	// The stroke went along the rectangle's edges, and reached in half its
	// width and a pixel of anti-aliasing at most: further in, the
	// rectangle is the fill's colour still. A width no stroke has (below
	// 0, infinite, not a number) leaves nothing known.
	if w := q.strokeWidth; w >= 0 && w <= float64(r.Dx()+r.Dy()) {
		q.painted, q.paintedColor = r.Inset(int(math.Ceil(max(w, 1)))+1), q.fill
	}
}

// release hands the held part of the path to go-chart's renderer.
func (q *quickRaster) release() {
	for _, op := range q.held {
		switch op.kind {
		case 'M':
			q.Renderer.MoveTo(op.x, op.y)
		case 'L':
			q.Renderer.LineTo(op.x, op.y)
		default:
			q.Renderer.Close()
		}
	}
	q.held = q.held[:0]
	q.forwarded = true
}

// quickFill fills the held path itself when it is the whole path, an
// upright rectangle, the fill opaque and the axes unturned; it returns
// the rectangle (on the canvas) and whether it did, and forgets the path
// when it did. A rectangle inside the one painted last, of its colour, is
// there already (see painted).
func (q *quickRaster) quickFill() (image.Rectangle, bool) {
	if q.forwarded || q.rotated || q.fill.A != 255 {
		return image.Rectangle{}, false
	}
	r, ok := rectangle(q.held)
	if !ok {
		return image.Rectangle{}, false
	}
	r = r.Intersect(q.img.Bounds())
	if q.fill != q.paintedColor || !r.In(q.painted) {
		q.img.fill(r, q.fill)
		q.painted, q.paintedColor = r, q.fill
	}
	q.held = q.held[:0]
	return r, true
}

// rectangle is the upright rectangle that a path of one MoveTo and three
// LineTo, closed, or four, the last back to the start (perhaps closed
// too), outlines. Three LineTo left open outline no rectangle: go-chart's
// rasterizer fills only along the edge it was given.
func rectangle(ops []pathOp) (image.Rectangle, bool) {
	closed := len(ops) > 0 && ops[len(ops)-1].kind == 'Z'
	if closed {
		ops = ops[:len(ops)-1]
	}
	if len(ops) == 5 && ops[4].x == ops[0].x && ops[4].y == ops[0].y {
		ops, closed = ops[:4], true
	}
	if len(ops) != 4 || ops[0].kind != 'M' || !closed {
		return image.Rectangle{}, false
	}
	firstAcross := ops[0].y == ops[1].y
	for i, op := range ops {
		next := ops[(i+1)%4]
		if i > 0 && op.kind != 'L' {
			return image.Rectangle{}, false
		}
		// Each side is upright and not empty, and the sides take turns:
		// across, then down (or down, then across).
		across := op.y == next.y && op.x != next.x
		down := op.x == next.x && op.y != next.y
		if wantAcross := firstAcross != (i%2 == 1); !(across && wantAcross || down && !wantAcross) {
			return image.Rectangle{}, false
		}
	}
	return image.Rect(ops[0].x, ops[0].y, ops[2].x, ops[2].y), true
}
