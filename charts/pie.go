package charts

import (
	"fmt"
	"io"
	"math"
	"sort"

	"github.com/deckpdf/deck/deck"
	"github.com/wcharczuk/go-chart/v2"
	"github.com/wcharczuk/go-chart/v2/drawing"
)

// The measures of a pie and its labels, in points unless said otherwise.
// labelHalf covers the em box of the deck's faces (0.88 em above the
// baseline, 0.12 below) around the middle that text sets a label at:
// go-chart draws type an eighth larger than its size, and the baseline is
// 0.36 sizes below the middle, so the box spans 0.63 sizes above the
// middle and 0.5 below.
const (
	pieMargin    = 3    // kept free at the picture's edges
	pieSpan      = 0.9  // the most of the picture's height or width the pie spans
	leaderOut    = 5    // a leader's leg straight out of its slice
	leaderAcross = 8    // and its leg across to its label
	leaderGap    = 2    // between a leader's end and its label
	leaderWidth  = 0.6  // the leader's line
	insidePad    = 2    // a label in its slice keeps this far from the slice's edges
	legendGap    = 12   // between the pie and its legend, and between the legend's columns
	swatchGap    = 4    // between a legend entry's square and its text
	minRadius    = 12   // the smallest pie worth drawing
	labelHalf    = 0.66 // half a label's height, in label sizes
	labelPitch   = 1.35 // from one stacked label's middle to the next, in label sizes
	swatchSize   = 0.8  // a legend's square, in label sizes
	holeRatio    = 0.5  // a donut's hole, as a fraction of its radius
	preferLabels = 0.6  // labels by their slices win over a legend unless they leave the pie smaller than this
)

// insideSpots are where along its slice's middle a label inside it may
// be, as fractions of the radius, the first the best: about where the
// slice is widest for its height.
var insideSpots = []float64{0.6, 0.68, 0.52, 0.76, 0.44, 0.36}

// A pieDrawing draws a pie or donut chart with go-chart's renderer: its
// slices, clockwise from three o'clock in the chart's order, and a label
// for each naming its category and value. A label sits inside its slice
// only where it fits there, in the colour that reads on the slice;
// otherwise it sits beside the pie in the text colour, joined to its
// slice by a leader, and the pie shrinks to leave it room. A donut's
// labels are all beside it. When labels beside the pie would leave it
// much smaller than a legend would, or do not fit, they form a legend
// right of the pie or under it instead. Labels that fit none of these
// ways are an error, not labels cut off or drawn over each other.
type pieDrawing struct{ cv canvas }

// pie returns the drawing of a pie or donut chart.
func (cv canvas) pie() pieDrawing { return pieDrawing{cv} }

// A pieSlice is one category's slice of the pie.
type pieSlice struct {
	start, sweep float64 // radians, clockwise from three o'clock
	fill         deck.Color
	label        string
	width        float64 // the label's, in pixels
}

// mid is the angle through the middle of the slice.
func (s pieSlice) mid() float64 { return s.start + s.sweep/2 }

// A pieLabel is a placed label: its text's left end and vertical middle in
// pixels, its colour, and what ties it to its slice: a leader from the
// slice's edge, a legend's square, or neither when it is inside.
type pieLabel struct {
	text   string
	x, y   float64
	color  deck.Color
	leader []point
	swatch deck.Color // zero for none
}

// A pieLayout is where the pie and its labels go, in pixels.
type pieLayout struct {
	cx, cy, radius float64
	labels         []pieLabel
}

// Render draws the chart on the renderer that rp makes and saves it to w.
func (p pieDrawing) Render(rp chart.RendererProvider, w io.Writer) error {
	cv := p.cv
	slices, err := cv.slices()
	if err != nil {
		return err
	}
	lay, err := cv.layoutPie(slices)
	if err != nil {
		return err
	}
	r, err := rp(cv.width, cv.height)
	if err != nil {
		return err
	}
	r.SetDPI(cv.dpi)
	cv.rect(r, 0, 0, float64(cv.width), float64(cv.height), white)
	cv.drawSlices(r, lay, slices)
	for _, l := range lay.labels {
		if len(l.leader) > 1 {
			r.SetStrokeColor(rgba(cv.theme.Colors.Muted))
			r.SetStrokeWidth(cv.px(leaderWidth))
			r.MoveTo(int(math.Round(l.leader[0].x)), int(math.Round(l.leader[0].y)))
			for _, q := range l.leader[1:] {
				r.LineTo(int(math.Round(q.x)), int(math.Round(q.y)))
			}
			r.Stroke()
		}
		if l.swatch.A != 0 {
			sq := cv.px(labelSize * swatchSize)
			cv.rect(r, l.x-sq-cv.px(swatchGap), l.y-sq/2, l.x-cv.px(swatchGap), l.y+sq/2, l.swatch)
		}
		cv.text(r, l.text, l.x, l.y, labelSize, l.color, false, left)
	}
	return r.Save(w)
}

// slices returns the slices of the chart's values above zero, in its
// order; a value of zero has no slice and no label.
func (cv canvas) slices() ([]pieSlice, error) {
	c := cv.chart
	s := c.Series[0]
	total := 0.0
	for _, v := range s.Values {
		if v > 0 {
			total += v
		}
	}
	if !(total > 0) || math.IsInf(total, 0) {
		return nil, fmt.Errorf("a %s chart needs values above zero that add up to a finite sum", c.Kind)
	}
	var out []pieSlice
	at := 0.0
	for k, i := range c.Order() {
		v := s.Values[i]
		if !(v > 0) {
			continue
		}
		fill := cv.sliceColor(k)
		if c.IsHighlighted(i) {
			fill = cv.theme.Colors.Accent
		}
		label := c.Label(i) + " " + s.Labels[i]
		sweep := 2 * math.Pi * v / total
		out = append(out, pieSlice{start: at, sweep: sweep, fill: fill, label: label, width: cv.textWidth(label, labelSize, false)})
		at += sweep
	}
	return out, nil
}

// drawSlices draws the slices, divided by white lines, and a donut's hole.
func (cv canvas) drawSlices(r chart.Renderer, lay pieLayout, slices []pieSlice) {
	cx, cy := int(lay.cx), int(lay.cy)
	r.SetStrokeColor(drawing.ColorWhite)
	r.SetStrokeWidth(cv.px(1.2))
	for _, s := range slices {
		r.SetFillColor(rgba(s.fill))
		if len(slices) == 1 {
			circle(r, cx, cy, lay.radius)
		} else {
			r.MoveTo(cx, cy)
			r.ArcTo(cx, cy, lay.radius, lay.radius, s.start, s.sweep)
			r.LineTo(cx, cy)
			r.Close()
		}
		r.FillStroke()
	}
	if cv.chart.Kind == deck.ChartDonut {
		r.SetFillColor(drawing.ColorWhite)
		circle(r, cx, cy, lay.radius*holeRatio)
		r.FillStroke()
	}
}

// circle adds a circle to the path as an arc: go-chart's raster renderer
// draws its Circle as four quadratic curves, a rounded square at a pie's
// size.
func circle(r chart.Renderer, cx, cy int, radius float64) {
	r.ArcTo(cx, cy, radius, radius, 0, 2*math.Pi)
	r.Close()
}

// layoutPie places the pie and its labels: by their slices when that
// leaves the pie nearly as large as a legend would, else in a legend.
func (cv canvas) layoutPie(slices []pieSlice) (pieLayout, error) {
	beside, ok := cv.labelledPie(slices)
	legend, lok := cv.legendPie(slices)
	switch {
	case ok && (!lok || beside.radius >= preferLabels*legend.radius):
		return beside, nil
	case lok:
		return legend, nil
	}
	return pieLayout{}, fmt.Errorf("the labels of its %d slices do not fit in %.0f×%.0f pt; give it more room or fewer slices",
		len(slices), float64(cv.width)/cv.scale, float64(cv.height)/cv.scale)
}

// onRight reports whether a label of a slice whose middle is at the angle
// goes right of the pie.
func onRight(angle float64) bool { return math.Cos(angle) >= 0 }

// labelledPie places each label inside its slice where it fits there,
// else beside the pie at the side its slice is on, joined to it by a
// leader, and makes the pie as large as leaves the labels beside it room.
// A larger pie has room inside for more labels: it starts with them all
// inside and moves out those that do not fit, the pie shrinking as they
// go, until every label inside fits. It reports false when the labels
// beside do not fit or leave too small a pie.
func (cv canvas) labelledPie(slices []pieSlice) (pieLayout, bool) {
	W, H := float64(cv.width), float64(cv.height)
	m := cv.px(pieMargin)
	reach := cv.px(leaderOut + leaderAcross + leaderGap)
	inside := make([]bool, len(slices))
	for i := range inside {
		inside[i] = cv.chart.Kind != deck.ChartDonut
	}
	var radius, padL, padR float64
	spots := make([]point, len(slices))
	for {
		padL, padR = 0, 0
		for i, s := range slices {
			if inside[i] {
				continue
			}
			if onRight(s.mid()) {
				padR = math.Max(padR, reach+s.width)
			} else {
				padL = math.Max(padL, reach+s.width)
			}
		}
		radius = min(H/2-m, H*pieSpan/2, (W-2*m-padL-padR)/2, W*pieSpan/2)
		if radius < cv.px(minRadius) {
			return pieLayout{}, false
		}
		moved := false
		for i, s := range slices {
			if !inside[i] {
				continue
			}
			if spots[i], inside[i] = cv.insideSpot(s, radius, len(slices) == 1); !inside[i] {
				moved = true
			}
		}
		if !moved {
			break
		}
	}
	// The pie in the middle, unless the labels on one side need it
	// moved over.
	cx := math.Round(math.Max(m+padL+radius, math.Min(W/2, W-m-padR-radius)))
	cy := math.Round(H / 2)
	lay := pieLayout{cx: cx, cy: cy, radius: radius}
	var leftSide, rightSide []int
	for i, s := range slices {
		switch {
		case inside[i]:
			lay.labels = append(lay.labels, pieLabel{text: s.label, x: cx + spots[i].x - s.width/2, y: cy + spots[i].y, color: cv.contrast(s.fill)})
		case onRight(s.mid()):
			rightSide = append(rightSide, i)
		default:
			leftSide = append(leftSide, i)
		}
	}
	for _, side := range [][]int{leftSide, rightSide} {
		placed, ok := cv.besidePie(slices, side, lay)
		if !ok {
			return pieLayout{}, false
		}
		lay.labels = append(lay.labels, placed...)
	}
	return lay, true
}

// insideSpot returns where, from the pie's centre, the label of s may sit
// inside it, at least insidePad from its edges, on a pie of the radius; a
// pie of one slice may have it in the middle. It reports false when no
// spot tried holds it.
func (cv canvas) insideSpot(s pieSlice, radius float64, whole bool) (point, bool) {
	half, pad := cv.px(labelSize*labelHalf), cv.px(insidePad)
	spots := insideSpots
	if whole {
		spots = append([]float64{0}, spots...)
	}
	for _, f := range spots {
		c := point{f * radius * math.Cos(s.mid()), f * radius * math.Sin(s.mid())}
		box := rect{c.x - s.width/2 - pad, c.y - half - pad, c.x + s.width/2 + pad, c.y + half + pad}
		if box.inWedge(s, radius, whole) {
			return c, true
		}
	}
	return point{}, false
}

// A rect is a rectangle by its edges, in pixels.
type rect struct{ x0, y0, x1, y1 float64 }

// inWedge reports whether the rectangle, placed from the pie's centre,
// lies inside the slice s of a pie of the radius: inside the circle, and,
// unless the slice is the whole pie, clear of the slice's two straight
// edges with its centre between them. A rectangle is all in one piece,
// so it cannot leave the slice without crossing one of its edges.
func (b rect) inWedge(s pieSlice, radius float64, whole bool) bool {
	for _, p := range []point{{b.x0, b.y0}, {b.x1, b.y0}, {b.x0, b.y1}, {b.x1, b.y1}} {
		if math.Hypot(p.x, p.y) > radius {
			return false
		}
	}
	if whole {
		return true
	}
	for _, a := range []float64{s.start, s.start + s.sweep} {
		if b.crosses(point{}, point{radius * math.Cos(a), radius * math.Sin(a)}) {
			return false
		}
	}
	mid := math.Atan2((b.y0+b.y1)/2, (b.x0+b.x1)/2) - s.start
	mid -= 2 * math.Pi * math.Floor(mid/(2*math.Pi))
	return mid <= s.sweep
}

// crosses reports whether the segment from p to q meets the rectangle.
func (b rect) crosses(p, q point) bool {
	// Clip the segment p + t(q-p), t in [0, 1], to the rectangle's slabs.
	lo, hi := 0.0, 1.0
	for _, slab := range [][4]float64{{p.x, q.x - p.x, b.x0, b.x1}, {p.y, q.y - p.y, b.y0, b.y1}} {
		o, d, e0, e1 := slab[0], slab[1], slab[2], slab[3]
		if d == 0 {
			if o < e0 || o > e1 {
				return false
			}
			continue
		}
		t0, t1 := (e0-o)/d, (e1-o)/d
		if t0 > t1 {
			t0, t1 = t1, t0
		}
		lo, hi = math.Max(lo, t0), math.Min(hi, t1)
		if lo > hi {
			return false
		}
	}
	return true
}

// besidePie places the labels of the slices at the indexes, all on one
// side of the pie, in a column beside it: each as near as may be to the
// height its slice's middle points at, in the order of those heights, not
// overlapping and inside the picture. A leader runs from the slice's
// edge straight out, then across to the label. It reports false when the
// column is taller than the picture.
func (cv canvas) besidePie(slices []pieSlice, side []int, lay pieLayout) ([]pieLabel, bool) {
	if len(side) == 0 {
		return nil, true
	}
	H := float64(cv.height)
	m, half := cv.px(pieMargin), cv.px(labelSize*labelHalf)
	out := cv.px(leaderOut)
	want := make([]float64, len(side))
	for k, i := range side {
		want[k] = lay.cy + (lay.radius+out)*math.Sin(slices[i].mid())
	}
	order := sortedBy(want)
	sorted := make([]float64, len(order))
	for k, j := range order {
		sorted[k] = want[j]
	}
	ys, ok := spread(sorted, cv.px(labelSize*labelPitch), m+half, H-m-half)
	if !ok {
		return nil, false
	}
	var placed []pieLabel
	for k, j := range order {
		s := slices[side[j]]
		a := s.mid()
		sx := 1.0
		if !onRight(a) {
			sx = -1
		}
		rim := point{lay.cx + lay.radius*math.Cos(a), lay.cy + lay.radius*math.Sin(a)}
		// Straight out, as far as the picture lets the line go.
		t := out
		if sin := math.Sin(a); sin < 0 {
			t = math.Min(t, (rim.y-m)/-sin)
		} else if sin > 0 {
			t = math.Min(t, (H-m-rim.y)/sin)
		}
		t = math.Max(t, 0)
		elbow := point{rim.x + t*math.Cos(a), rim.y + t*math.Sin(a)}
		end := point{lay.cx + sx*(lay.radius+cv.px(leaderOut+leaderAcross)), ys[k]}
		leader := []point{rim, elbow, end}
		if segmentNear(point{lay.cx, lay.cy}, elbow, end) < lay.radius-cv.px(0.6) {
			// Moved far from its slice, the label's leader would cut
			// across the pie (past the white line round its edge):
			// across first, then along the column.
			leader = []point{rim, elbow, {end.x, elbow.y}, end}
		}
		x := end.x + cv.px(leaderGap)
		if sx < 0 {
			x = end.x - cv.px(leaderGap) - s.width
		}
		placed = append(placed, pieLabel{text: s.label, x: x, y: ys[k], color: cv.theme.Colors.Text, leader: leader})
	}
	return placed, true
}

// segmentNear returns how near the segment from a to b comes to p.
func segmentNear(p, a, b point) float64 {
	dx, dy := b.x-a.x, b.y-a.y
	t := 0.0
	if d := dx*dx + dy*dy; d > 0 {
		t = math.Max(0, math.Min(1, ((p.x-a.x)*dx+(p.y-a.y)*dy)/d))
	}
	return math.Hypot(p.x-a.x-t*dx, p.y-a.y-t*dy)
}

// sortedBy returns the indexes of vs in the order of their values, equal
// values in the order they come.
func sortedBy(vs []float64) []int {
	idx := make([]int, len(vs))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return vs[idx[a]] < vs[idx[b]] })
	return idx
}

// spread returns positions for labels that want to be at the ascending
// heights want: at least pitch apart, between lo and hi, each run of
// labels that would overlap moved together to where its labels want to
// be on average. It reports false when they cannot fit.
func spread(want []float64, pitch, lo, hi float64) ([]float64, bool) {
	n := len(want)
	if n == 0 {
		return nil, true
	}
	if float64(n-1)*pitch > hi-lo {
		return nil, false
	}
	// A run of labels from first to first+n-1, stacked from top.
	type run struct {
		first, n int
		top, sum float64 // sum of want[i] - (i-first)·pitch
	}
	place := func(r *run) {
		r.top = math.Max(lo, math.Min(r.sum/float64(r.n), hi-float64(r.n-1)*pitch))
	}
	var runs []run
	for i, w := range want {
		r := run{first: i, n: 1, sum: w}
		place(&r)
		for len(runs) > 0 {
			prev := &runs[len(runs)-1]
			if prev.top+float64(prev.n)*pitch <= r.top {
				break
			}
			// Merge: r's labels go under prev's.
			prev.sum += r.sum - float64(r.n*prev.n)*pitch
			prev.n += r.n
			place(prev)
			r = *prev
			runs = runs[:len(runs)-1]
		}
		runs = append(runs, r)
	}
	out := make([]float64, 0, n)
	for _, r := range runs {
		for k := range r.n {
			out = append(out, r.top+float64(k)*pitch)
		}
	}
	return out, true
}

// legendPie places the labels in a legend, each after a square of its
// slice's colour, right of the pie or under it, whichever leaves the
// larger pie: right of it in as few columns as the picture's height
// allows, under it in as many as its width allows. It reports false when
// the legend leaves too small a pie.
func (cv canvas) legendPie(slices []pieSlice) (pieLayout, bool) {
	W, H := float64(cv.width), float64(cv.height)
	m, half, pitch, gap := cv.px(pieMargin), cv.px(labelSize*labelHalf), cv.px(labelSize*labelPitch), cv.px(legendGap)
	n := len(slices)
	best := legendPlan{radius: math.Inf(-1)}
	// Right of the pie, in as few columns as the height allows, balanced.
	if H-2*m >= 2*half {
		rows := int((H-2*m-2*half)/pitch) + 1
		cols := (n + rows - 1) / rows
		best = cv.legendColumns(slices, (n+cols-1)/cols)
		best.radius = min(H/2-m, H*pieSpan/2, (W-2*m-gap-best.width)/2)
	}
	// Under it.
	for cols := 1; cols <= n; cols++ {
		p := cv.legendColumns(slices, (n+cols-1)/cols)
		if p.width > W-2*m {
			break
		}
		p.below = true
		p.radius = min(W/2-m, W*pieSpan/2, (H-2*m-gap-p.height)/2)
		if p.radius > best.radius {
			best = p
		}
	}
	if best.radius < cv.px(minRadius) {
		return pieLayout{}, false
	}
	// The pie and the legend together in the middle.
	r := best.radius
	var lay pieLayout
	var x, top float64 // the legend's left and top
	if best.below {
		y0 := (H - 2*r - gap - best.height) / 2
		lay = pieLayout{cx: math.Round(W / 2), cy: math.Round(y0 + r), radius: r}
		x, top = (W-best.width)/2, y0+2*r+gap
	} else {
		x0 := (W - 2*r - gap - best.width) / 2
		lay = pieLayout{cx: math.Round(x0 + r), cy: math.Round(H / 2), radius: r}
		x, top = x0+2*r+gap, (H-best.height)/2
	}
	lead := cv.px(labelSize*swatchSize + swatchGap) // the square and its gap
	for col, w := range best.widths {
		for k := range min(best.rows, n-col*best.rows) {
			s := slices[col*best.rows+k]
			lay.labels = append(lay.labels, pieLabel{text: s.label, x: x + lead, y: top + half + float64(k)*pitch, color: cv.theme.Colors.Text, swatch: s.fill})
		}
		x += w + gap
	}
	return lay, true
}

// A legendPlan is a legend's columns and where it goes.
type legendPlan struct {
	rows          int       // the entries of a column, the last perhaps fewer
	widths        []float64 // the columns', in pixels
	width, height float64   // the legend's
	below         bool      // under the pie, not right of it
	radius        float64   // the pie's
}

// legendColumns lays the legend's entries out down columns of rows.
func (cv canvas) legendColumns(slices []pieSlice, rows int) legendPlan {
	lead := cv.px(labelSize*swatchSize + swatchGap)
	cols := (len(slices) + rows - 1) / rows
	p := legendPlan{rows: rows, widths: make([]float64, cols)}
	for i, s := range slices {
		p.widths[i/rows] = math.Max(p.widths[i/rows], lead+s.width)
	}
	p.width = cv.px(legendGap) * float64(cols-1)
	for _, w := range p.widths {
		p.width += w
	}
	p.height = float64(rows-1)*cv.px(labelSize*labelPitch) + 2*cv.px(labelSize*labelHalf)
	return p
}
