package charts

import (
	"image/png"
	"io"
	"math"

	"github.com/golang/freetype/truetype"
	"github.com/wcharczuk/go-chart/v2"
	"github.com/wcharczuk/go-chart/v2/drawing"
)

// A canvasRenderer is go-chart's raster renderer (chart.PNG) on a picture
// deck gives it, not one it makes: a render draws its charts on a few
// canvases, each used again once its chart is encoded (see canvases).
// Every call does what go-chart's renderer does, so that a chart's pixels
// are the same on either.
type canvasRenderer struct {
	img    *indexedCanvas
	gc     *drawing.RasterGraphicContext
	rotate *float64 // the text rotation, in radians; nil for none
	style  chart.Style
}

// newCanvasRenderer returns a renderer that draws on img, which paints
// the rasterizer's spans.
func newCanvasRenderer(img *indexedCanvas) *canvasRenderer {
	return &canvasRenderer{img: img, gc: drawing.NewRasterGraphicContextWithPainter(img, img)}
}

func (r *canvasRenderer) ResetStyle() {
	r.style = chart.Style{Font: r.style.Font}
	r.ClearTextRotation()
}

func (r *canvasRenderer) GetDPI() float64                        { return r.gc.GetDPI() }
func (r *canvasRenderer) SetDPI(dpi float64)                     { r.gc.SetDPI(dpi) }
func (r *canvasRenderer) SetClassName(string)                    {}
func (r *canvasRenderer) SetStrokeColor(c drawing.Color)         { r.style.StrokeColor = c }
func (r *canvasRenderer) SetStrokeWidth(width float64)           { r.style.StrokeWidth = width }
func (r *canvasRenderer) SetStrokeDashArray(dashArray []float64) { r.style.StrokeDashArray = dashArray }
func (r *canvasRenderer) SetFillColor(c drawing.Color)           { r.style.FillColor = c }
func (r *canvasRenderer) MoveTo(x, y int)                        { r.gc.MoveTo(float64(x), float64(y)) }
func (r *canvasRenderer) LineTo(x, y int)                        { r.gc.LineTo(float64(x), float64(y)) }
func (r *canvasRenderer) Close()                                 { r.gc.Close() }
func (r *canvasRenderer) SetFont(f *truetype.Font)               { r.style.Font = f }
func (r *canvasRenderer) SetFontSize(size float64)               { r.style.FontSize = size }
func (r *canvasRenderer) SetFontColor(c drawing.Color)           { r.style.FontColor = c }
func (r *canvasRenderer) SetTextRotation(radians float64)        { r.rotate = &radians }

func (r *canvasRenderer) QuadCurveTo(cx, cy, x, y int) {
	r.gc.QuadCurveTo(float64(cx), float64(cy), float64(x), float64(y))
}

func (r *canvasRenderer) ArcTo(cx, cy int, rx, ry, startAngle, delta float64) {
	r.gc.ArcTo(float64(cx), float64(cy), rx, ry, startAngle, delta)
}

func (r *canvasRenderer) Stroke() {
	r.gc.SetStrokeColor(r.style.StrokeColor)
	r.gc.SetLineWidth(r.style.StrokeWidth)
	r.gc.SetLineDash(r.style.StrokeDashArray, 0)
	r.gc.Stroke()
}

func (r *canvasRenderer) Fill() {
	r.gc.SetFillColor(r.style.FillColor)
	r.gc.Fill()
}

func (r *canvasRenderer) FillStroke() {
	r.gc.SetFillColor(r.style.FillColor)
	r.gc.SetStrokeColor(r.style.StrokeColor)
	r.gc.SetLineWidth(r.style.StrokeWidth)
	r.gc.SetLineDash(r.style.StrokeDashArray, 0)
	r.gc.FillStroke()
}

// Circle outlines a circle of four quadratic curves, as go-chart does; it
// neither fills nor strokes it.
func (r *canvasRenderer) Circle(radius float64, x, y int) {
	xf, yf := float64(x), float64(y)
	r.gc.MoveTo(xf-radius, yf)
	r.gc.QuadCurveTo(xf-radius, yf-radius, xf, yf-radius)
	r.gc.QuadCurveTo(xf+radius, yf-radius, xf+radius, yf)
	r.gc.QuadCurveTo(xf+radius, yf+radius, xf, yf+radius)
	r.gc.QuadCurveTo(xf-radius, yf+radius, xf-radius, yf)
}

func (r *canvasRenderer) Text(body string, x, y int) {
	if r.rotate != nil {
		r.gc.Translate(float64(x), float64(y))
		r.gc.Rotate(*r.rotate)
		x, y = 0, 0
	}
	r.gc.SetFont(r.style.Font)
	r.gc.SetFontSize(r.style.FontSize)
	r.gc.SetFillColor(r.style.FontColor)
	r.gc.CreateStringPath(body, float64(x), float64(y))
	r.gc.Fill()
}

// MeasureText measures body as go-chart does: its bounds moved to the
// origin, rounded up, and turned with the text.
func (r *canvasRenderer) MeasureText(body string) chart.Box {
	r.gc.SetFont(r.style.Font)
	r.gc.SetFontSize(r.style.FontSize)
	r.gc.SetFillColor(r.style.FontColor)
	left, top, right, bottom, err := r.gc.GetStringBounds(body)
	if err != nil {
		return chart.Box{}
	}
	if left < 0 {
		right -= left
		left = 0
	}
	if top < 0 {
		bottom -= top
		top = 0
	}
	if left > 0 {
		right += left
		left = 0
	}
	if top > 0 {
		bottom += top
		top = 0
	}
	box := chart.Box{Top: int(math.Ceil(top)), Left: int(math.Ceil(left)), Right: int(math.Ceil(right)), Bottom: int(math.Ceil(bottom))}
	if r.rotate == nil {
		return box
	}
	return box.Corners().Rotate(chart.RadiansToDegrees(*r.rotate)).Box()
}

func (r *canvasRenderer) ClearTextRotation() {
	r.gc.SetMatrixTransform(drawing.NewIdentityMatrix())
	r.rotate = nil
}

// Save hands the canvas to a collector of pixels (see pixels), the
// picture to another collector of an image.RGBA, or writes it as a PNG,
// as go-chart does.
func (r *canvasRenderer) Save(w io.Writer) error {
	switch c := w.(type) {
	case *pixels:
		c.canvas = r.img
		return nil
	case chart.RGBACollector:
		c.SetRGBA(r.img.RGBA())
		return nil
	}
	return png.Encode(w, r.img.RGBA())
}
