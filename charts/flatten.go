package charts

import (
	"math"

	"github.com/deckpdf/deck/deck/layout"
)

// flatTolerance is how far, in points on the slide, a polyline may stray
// from the arc or curve it stands for: well under what a viewer zoomed in
// or a printer resolves.
const flatTolerance = 0.02

// arcSteps returns how many chords follow an arc of radius r over the
// angle sweep (radians) within tol, in the units of r.
func arcSteps(r, sweep, tol float64) int {
	sweep = math.Abs(sweep)
	if r <= tol || sweep == 0 {
		return 1
	}
	// A chord over the angle a strays r(1 - cos(a/2)) from its arc.
	step := 2 * math.Acos(1-tol/r)
	return max(1, int(math.Ceil(sweep/step)))
}

// arc returns the points of an elliptical arc around c with radii rx and
// ry, from the angle start over sweep (radians, clockwise on a page whose y
// runs down), the first point included, within tol.
func arc(c layout.Point, rx, ry, start, sweep, tol float64) []layout.Point {
	n := arcSteps(max(rx, ry), sweep, tol)
	pts := make([]layout.Point, n+1)
	for i := range pts {
		a := start + sweep*float64(i)/float64(n)
		pts[i] = layout.Point{X: c.X + rx*math.Cos(a), Y: c.Y + ry*math.Sin(a)}
	}
	return pts
}

// quad returns the points of the quadratic Bézier curve from a by the
// control point b to c, a left out, within tol.
func quad(a, b, c layout.Point, tol float64) []layout.Point {
	// Between parameters t0 and t1 the curve strays from its chord by
	// (a - 2b + c)(t - t0)(t1 - t): n chords of equal parameter stray at
	// most |a - 2b + c| / (4n²).
	dev := math.Hypot(a.X-2*b.X+c.X, a.Y-2*b.Y+c.Y)
	n := max(1, int(math.Ceil(math.Sqrt(dev/(4*tol)))))
	pts := make([]layout.Point, n)
	for i := range pts {
		t := float64(i+1) / float64(n)
		u := 1 - t
		pts[i] = layout.Point{X: u*u*a.X + 2*u*t*b.X + t*t*c.X, Y: u*u*a.Y + 2*u*t*b.Y + t*t*c.Y}
	}
	return pts
}

// dashes cuts a polyline into the pieces a dash pattern draws: on, off, on
// … lengths, repeated, starting with a dash at the first point. A pattern
// of odd length counts twice round, as in SVG and PDF.
func dashes(pts []layout.Point, pattern []float64) [][]layout.Point {
	total := 0.0
	for _, d := range pattern {
		total += max(d, 0)
	}
	if total == 0 || len(pts) < 2 {
		return [][]layout.Point{pts}
	}
	var out [][]layout.Point
	k, left := 0, pattern[0] // the dash or gap we are in, and what is left of it
	on := func() bool { return k%2 == 0 }
	cur := []layout.Point{pts[0]}
	for i := 1; i < len(pts); i++ {
		a, b := pts[i-1], pts[i]
		seg := math.Hypot(b.X-a.X, b.Y-a.Y)
		pos := 0.0
		for seg-pos > left {
			pos += left
			t := pos / seg
			p := layout.Point{X: a.X + (b.X-a.X)*t, Y: a.Y + (b.Y-a.Y)*t}
			if on() {
				out = append(out, append(cur, p))
			}
			cur = []layout.Point{p}
			k++
			left = max(pattern[k%len(pattern)], 0)
		}
		left -= seg - pos
		cur = append(cur, b)
	}
	if on() && len(cur) > 1 {
		out = append(out, cur)
	}
	return out
}
