package content

import (
	"maps"
	"regexp"
	"slices"
	"strconv"

	"github.com/deckpdf/deck/deck"
	"go.yaml.in/yaml/v4"
)

// slideExtraKeys are the keys of a slide that the layouts beyond the
// report's read (see slideExtras).
var slideExtraKeys = []string{"footnotes", "figure", "weights"}

// slideExtras reads the keys of slideExtraKeys into s, and checks what
// they need: a big-number slide its figure, a picture slide a picture or
// chart first, every footnote marker of the slide (the node c) a note.
func slideExtras(dec *decoder, c *yaml.Node, f map[string]*yaml.Node, s *deck.Slide) {
	s.Footnotes = textsOf(dec, f["footnotes"], "a footnote")
	s.Figure = dec.text(f["figure"], "figure")
	if n := f["weights"]; n != nil {
		s.Weights = dec.weights(n)
	}
	switch s.Layout {
	case deck.LayoutAgenda:
		if n := f["blocks"]; n != nil && len(s.Blocks) > 0 {
			dec.errorf(n, "an agenda slide lists the deck's sections or slides itself: it takes no blocks")
		}
	case deck.LayoutBigNumber:
		if s.Figure.IsZero() {
			dec.errorf(c, "a big-number slide needs \"figure\": the number it shows")
		}
	case deck.LayoutPictureLeft, deck.LayoutPictureRight:
		if len(s.Blocks) == 0 || !visual(s.Blocks[0]) {
			dec.errorf(c, "a %s slide needs a picture or a chart as its first block", s.Layout)
		}
	}
	if n := f["figure"]; n != nil && s.Layout != deck.LayoutBigNumber {
		dec.errorf(n, "\"figure\" is for a big-number slide; this slide's layout is %s", s.Layout)
	}
	if n := f["weights"]; n != nil && s.Layout != deck.LayoutPictureLeft && s.Layout != deck.LayoutPictureRight {
		dec.errorf(n, "\"weights\" is for a picture-left or picture-right slide; this slide's layout is %s", s.Layout)
	}
	if n := f["footnotes"]; n != nil && !hasFoot(s.Layout) {
		dec.errorf(n, "a %s slide has no foot for footnotes: put them on a content slide", s.Layout)
	}
	dec.checkMarkers(c, s.Footnotes)
}

// hasFoot reports whether slides of the layout print footnotes: those
// laid out on the content grid, whose foot holds notes and sources.
func hasFoot(l deck.Layout) bool {
	switch l {
	case deck.LayoutCover, deck.LayoutClosing, deck.LayoutSection, deck.LayoutQuote, deck.LayoutTitleOnly:
		return false
	}
	return true
}

// visual reports whether b can stand beside the text of a picture slide.
func visual(b deck.Block) bool {
	switch b.(type) {
	case *deck.Picture, *deck.Chart, *deck.Diagram:
		return true
	}
	return false
}

// weights reads a picture slide's two shares of the width.
func (d *decoder) weights(n *yaml.Node) []float64 {
	if n.Kind != yaml.SequenceNode || len(n.Content) != 2 {
		d.errorf(n, "weights must be a list of two numbers: the picture's share of the width, then the text's")
		return nil
	}
	return []float64{d.num(resolve(n.Content[0]), "a weight", 0.1, 10), d.num(resolve(n.Content[1]), "a weight", 0.1, 10)}
}

// marker is a footnote marker in text: [^1].
var marker = regexp.MustCompile(`\[\^([1-9][0-9]?)\]`)

// footnoteMarks sets the footnote markers of t as raised numbers.
func footnoteMarks(t deck.Text) deck.Text {
	var spans []deck.Span
	for _, sp := range t.Spans {
		for {
			m := marker.FindStringSubmatchIndex(sp.Text)
			if m == nil {
				break
			}
			if m[0] > 0 {
				spans = append(spans, deck.Span{Text: sp.Text[:m[0]], Bold: sp.Bold})
			}
			spans = append(spans, deck.Span{Text: sp.Text[m[2]:m[3]], Bold: sp.Bold, Raised: true})
			sp.Text = sp.Text[m[1]:]
		}
		if sp.Text != "" {
			spans = append(spans, sp)
		}
	}
	t.Spans = spans
	return t
}

// checkMarkers reports a footnote marker of the slide c that has no note
// among notes, and a note that no marker points to.
func (d *decoder) checkMarkers(c *yaml.Node, notes []deck.Text) {
	used := map[int]bool{}
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		if n == nil {
			return
		}
		if n.Kind == yaml.ScalarNode {
			for _, m := range marker.FindAllStringSubmatch(n.Value, -1) {
				k, _ := strconv.Atoi(m[1])
				if k > len(notes) {
					d.errorf(n, "footnote marker %s has no note: the slide has %d footnotes", m[0], len(notes))
				}
				used[k] = true
			}
			return
		}
		for i, k := range n.Content {
			if n.Kind == yaml.MappingNode && i%2 == 0 && k.Value == "footnotes" {
				continue // a key; its value (the notes) follows
			}
			if n.Kind == yaml.MappingNode && i%2 == 1 && n.Content[i-1].Value == "footnotes" {
				continue
			}
			walk(k)
		}
	}
	walk(c)
	for i, t := range notes {
		if !used[i+1] {
			d.diags.Warnf(t.Pos, "footnote %d has no marker [^%d] in the slide's text", i+1, i+1)
		}
	}
}

func themeNumberFigures(_ *loader, dec *decoder, n *yaml.Node, t *deck.Theme) {
	t.NumberFigures = dec.boolean(n, "number_figures")
}

// internalURL reports whether url is a link to a slide of the deck:
// #slide-id. The layout checks that the slide is there.
func internalURL(url string) bool { return len(url) > 1 && url[0] == '#' }

// A target is a slide that a link names (#slide-id), and where.
type target struct {
	pos deck.Pos
	id  string
}

// checkTargets reports a link to a slide whose id is not among ids.
func (l *loader) checkTargets(ids map[string]deck.Pos) {
	known := slices.Sorted(maps.Keys(ids))
	for _, t := range l.targets {
		if _, ok := ids[t.id]; !ok {
			l.diags.Errorf(t.pos, "link \"#%s\" names no slide of the deck: no slide has the id %q%s", t.id, t.id, suggest(t.id, known))
		}
	}
}
