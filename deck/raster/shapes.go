package raster

import (
	"math"
	"slices"

	"github.com/deckpdf/deck/deck"
	"github.com/deckpdf/deck/deck/layout"
)

// Box fills the box, then strokes its outline centred on the edge, as the
// PDF does: square corners meet in a mitre, rounded ones keep their centre.
func (p *painter) Box(b layout.Box) {
	r := b.Rect
	x, y, w, h := r.X*p.scale, r.Y*p.scale, r.W*p.scale, r.H*p.scale
	rad := 0.0
	if b.Radius > 0 {
		rad = min(b.Radius, r.W/2, r.H/2) * p.scale
	}
	if rad == 0 {
		p.fillRect(x, y, x+w, y+h, b.Fill)
	} else {
		p.paint([][]pt{roundRect(x, y, w, h, rad)}, b.Fill)
	}
	if b.StrokeWidth <= 0 {
		return
	}
	d := b.StrokeWidth * p.scale / 2
	outer := roundRect(x-d, y-d, w+2*d, h+2*d, grow(rad, d))
	polys := [][]pt{outer}
	if w > 2*d && h > 2*d {
		inner := roundRect(x+d, y+d, w-2*d, h-2*d, grow(rad, -d))
		slices.Reverse(inner) // turned the other way: a hole
		polys = append(polys, inner)
	}
	p.paint(polys, b.Stroke)
}

// fillRect fills the rectangle from (x0, y0) to (x1, y1), in pixels, with
// c as paint would, without the rasterizer: a pixel takes c in the part of
// it that the rectangle covers, the product of the parts of its column and
// its row. Most of a slide's boxes are such rectangles, and filling them
// directly takes a fraction of the rasterizer's time.
func (p *painter) fillRect(x0, y0, x1, y1 float64, c deck.Color) {
	if c.A == 0 {
		return
	}
	b := p.img.Bounds()
	x0, y0 = max(x0, float64(b.Min.X)), max(y0, float64(b.Min.Y))
	x1, y1 = min(x1, float64(b.Max.X)), min(y1, float64(b.Max.Y))
	if x1 <= x0 || y1 <= y0 {
		return
	}
	cols := cover(x0, x1)
	left := int(math.Floor(x0))
	full := make([]byte, 4*len(cols)) // a row of c, for rows it covers whole
	for i := range cols {
		copy(full[4*i:], []byte{c.R, c.G, c.B, 255})
	}
	// The columns it covers whole are one run: copied at once in the rows
	// it covers whole.
	f := slices.Index(cols, 1)
	l := f + 1
	for f >= 0 && l < len(cols) && cols[l] >= 1 {
		l++
	}
	for j, cy := range cover(y0, y1) {
		row := p.img.Pix[p.img.PixOffset(left, int(math.Floor(y0))+j):]
		for i := 0; i < len(cols); i++ {
			if cy >= 1 && i == f {
				copy(row[4*f:4*l], full[4*f:4*l])
				i = l - 1
				continue
			}
			blend(row[4*i:4*i+4], c, cols[i]*cy)
		}
	}
}

// blend paints the part a of an opaque pixel with c.
func blend(px []byte, c deck.Color, a float64) {
	for k, v := range []byte{c.R, c.G, c.B} {
		px[k] = uint8(math.Round(float64(px[k])*(1-a) + float64(v)*a))
	}
	px[3] = 255
}

// cover returns, for each pixel from floor(a) to ceil(b), the part of it
// that the span from a to b covers.
func cover(a, b float64) []float64 {
	first, last := int(math.Floor(a)), int(math.Ceil(b))
	out := make([]float64, last-first)
	for i := range out {
		lo, hi := float64(first+i), float64(first+i+1)
		out[i] = min(b, hi) - max(a, lo)
	}
	return out
}

// grow returns a corner's radius moved out by d: a square corner stays
// square.
func grow(rad, d float64) float64 {
	if rad == 0 {
		return 0
	}
	return max(rad+d, 0)
}

// roundRect returns a rectangle's outline, clockwise on the screen, with
// corners of radius rad drawn as arcs.
func roundRect(x, y, w, h, rad float64) []pt {
	if rad <= 0 {
		return []pt{{x, y}, {x + w, y}, {x + w, y + h}, {x, y + h}}
	}
	var out []pt
	corners := []struct{ cx, cy, from float64 }{
		{x + w - rad, y + rad, -math.Pi / 2}, // top right
		{x + w - rad, y + h - rad, 0},        // bottom right
		{x + rad, y + h - rad, math.Pi / 2},  // bottom left
		{x + rad, y + rad, math.Pi},          // top left
	}
	n := arcSteps(rad, math.Pi/2)
	for _, c := range corners {
		for i := 0; i <= n; i++ {
			a := c.from + math.Pi/2*float64(i)/float64(n)
			out = append(out, pt{c.cx + rad*math.Cos(a), c.cy + rad*math.Sin(a)})
		}
	}
	return out
}

// arcSteps returns how many straight pieces draw an arc of radius rad
// pixels and the angle within a hundredth of a pixel.
func arcSteps(rad, angle float64) int {
	if rad < 0.01 {
		return 1
	}
	// A chord over the angle t leaves the arc by rad·(1-cos(t/2)).
	t := 2 * math.Acos(1-0.01/rad)
	return max(1, int(math.Ceil(angle/t)))
}

// circle returns a circle's outline, clockwise on the screen.
func circle(c pt, rad float64) []pt {
	n := arcSteps(rad, 2*math.Pi)
	out := make([]pt, n)
	for i := range out {
		a := 2 * math.Pi * float64(i) / float64(n)
		out[i] = pt{c.x + rad*math.Cos(a), c.y + rad*math.Sin(a)}
	}
	return out
}

// Path fills the area the points enclose and strokes the line through
// them with round joins and caps, as the PDF does.
func (p *painter) Path(pa layout.Path) {
	pts := make([]pt, len(pa.Points))
	for i, q := range pa.Points {
		pts[i] = p.px(q)
	}
	if len(pts) >= 3 {
		p.paint([][]pt{pts}, pa.Fill)
	}
	if len(pts) < 2 || pa.Width <= 0 {
		return
	}
	p.paint(stroke(pts, pa.Closed, pa.Width*p.scale/2), pa.Stroke)
}

// stroke returns the outline of a line of half-width d through pts with
// round joins and caps: a rectangle on every segment and a disc on every
// point, all turned the same way, so that the nonzero rule unites them.
func stroke(pts []pt, closed bool, d float64) [][]pt {
	var polys [][]pt
	segment := func(a, b pt) {
		dx, dy := b.x-a.x, b.y-a.y
		l := math.Hypot(dx, dy)
		if l == 0 {
			return
		}
		nx, ny := -dy/l*d, dx/l*d
		quad := []pt{{a.x + nx, a.y + ny}, {b.x + nx, b.y + ny}, {b.x - nx, b.y - ny}, {a.x - nx, a.y - ny}}
		if area(quad) < 0 {
			slices.Reverse(quad)
		}
		polys = append(polys, quad)
	}
	for i := 1; i < len(pts); i++ {
		segment(pts[i-1], pts[i])
	}
	if closed {
		segment(pts[len(pts)-1], pts[0])
	}
	for _, q := range pts {
		polys = append(polys, circle(q, d))
	}
	return polys
}

// area returns a polygon's signed area: positive when it turns clockwise
// on the screen (y down), as circle and roundRect do.
func area(poly []pt) float64 {
	var s float64
	for i, a := range poly {
		b := poly[(i+1)%len(poly)]
		s += a.x*b.y - b.x*a.y
	}
	return s / 2
}
