package layout_test

import (
	"math"
	"os"
	"path/filepath"
	"testing"

	"github.com/deckpdf/deck/content"
	"github.com/deckpdf/deck/deck"
	"github.com/deckpdf/deck/deck/layout"
)

// textOnly reports whether blocks hold only text: no table, chart,
// picture, diagram or QR code.
func textOnly(blocks []deck.Block) bool {
	for _, b := range blocks {
		switch b := b.(type) {
		case *deck.Paragraph, *deck.List, *deck.Labeled, *deck.Heading, *deck.Comparison, *deck.Stats, *deck.Link:
		case *deck.Columns:
			for _, col := range b.Columns {
				if !textOnly(col) {
					return false
				}
			}
		default:
			return false
		}
	}
	return len(blocks) > 0
}

// bodyArea returns the top and bottom of the body of content page p of
// slide s: under its title's rule and subtitle, above its footnotes,
// notes and sources (or the footer), as layout's content sets them.
func bodyArea(p layout.Page, s *deck.Slide, th deck.Theme) (top, bottom float64) {
	lines := map[int]bool{}
	for _, t := range append(append(append([]deck.Text{}, s.Notes...), s.Sources...), s.Footnotes...) {
		lines[t.Pos.Line] = true
	}
	size := th.Sizes.Footer
	bottom = th.Page.H - th.Margins.Bottom - size*1.6 - size*0.5 - th.Sizes.Small*0.6
	top = th.Margins.Top + th.Sizes.Title*1.2 + th.Sizes.Title*0.35 + th.Sizes.Subtitle*1.3
	for _, it := range p.Items {
		r, ok := it.(layout.TextRun)
		if !ok {
			continue
		}
		b := r.Bounds()
		switch {
		case !s.Subtitle.IsZero() && r.Src.Line == s.Subtitle.Pos.Line && r.Src.File == s.Subtitle.Pos.File:
			top = max(top, b.Y+b.H-(r.Size*1.4-r.Size)/2+th.Sizes.Subtitle*0.8)
		case lines[r.Src.Line] && b.Y > th.Page.H/2:
			bottom = min(bottom, b.Y)
		}
	}
	return top, bottom - th.Sizes.Body*0.8
}

// TestExamplesTextSlidesFillTheirBody lays out every example and the
// briefing deck and logs, for each slide of text only on a content
// layout, the share of its body's height that its text fills (issue
// 19's measure); a slide of text under fit: fill fills at least 40%.
func TestExamplesTextSlidesFillTheirBody(t *testing.T) {
	dirs, _ := filepath.Glob("../../examples/*")
	dirs = append(dirs, "testdata/briefing")
	for _, dir := range dirs {
		d, diags := content.Load(os.DirFS(dir), "deck.yaml", "")
		if len(diags) > 0 {
			t.Errorf("%s: %v", dir, diags)
			continue
		}
		pages, diags := layout.Layout(d, defaultFonts(t))
		if len(diags) > 0 {
			t.Errorf("%s: %v", dir, diags)
			continue
		}
		for i, p := range pages {
			s := &d.Slides[p.Slide]
			if s.Layout != deck.LayoutContent || !textOnly(s.Blocks) {
				continue
			}
			top, bottom := bodyArea(p, s, d.Theme)
			share := bodyShare(p, top, bottom)
			t.Logf("%s page %d (%s): its text fills %.0f%% of the body's height", filepath.Base(dir), i+1, s.ID, share*100)
			if d.Theme.Fit == deck.FitFill && (share < 0.4 || math.IsNaN(share)) {
				t.Errorf("%s page %d (%s): its text fills %.0f%% of the body's height, want 40%% or more", filepath.Base(dir), i+1, s.ID, share*100)
			}
		}
	}
}
