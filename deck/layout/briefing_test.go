package layout_test

import (
	"math"
	"os"
	"testing"

	"github.com/deckpdf/deck/content"
	"github.com/deckpdf/deck/deck/layout"
)

// bodyShare returns the share of the body area of page p that its body
// text fills, from the top of the first run under the title's rule to the
// bottom of the last above the footer's: the area runs from top to
// bottom.
func bodyShare(p layout.Page, top, bottom float64) float64 {
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, it := range p.Items {
		if r, ok := it.(layout.TextRun); ok {
			b := r.Bounds()
			if b.Y > top-1 && b.Y+b.H < bottom+1 {
				lo, hi = min(lo, b.Y), max(hi, b.Y+b.H)
			}
		}
	}
	return (hi - lo) / (bottom - top)
}

// TestNewUserBriefing lays out testdata/briefing, an 8-slide market
// briefing written as a new user writes it, with no theme (issue 19): no
// diagnostic, its table grown with no cell wrapped, and its three slides of a paragraph and four bullets fill
// at least half of their body's height (they filled a third, at the
// top).
func TestNewUserBriefing(t *testing.T) {
	d, diags := content.Load(os.DirFS("testdata/briefing"), "deck.yaml", "")
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	pages, diags := layout.Layout(d, defaultFonts(t))
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	th := d.Theme
	// The body area of a content slide with a one-line title and no
	// subtitle, notes or sources (see layout's content and footer).
	top := th.Margins.Top + th.Sizes.Title*1.2 + th.Sizes.Title*0.35 + th.Sizes.Subtitle*1.3
	bottom := th.Page.H - th.Margins.Bottom - th.Sizes.Footer*2.1 - th.Sizes.Small*0.6 - th.Sizes.Body*0.8
	// The policy table grows only while no cell wraps: its 9 rows are 9
	// lines.
	for _, p := range pages {
		if d.Slides[p.Slide].ID != "policy" {
			continue
		}
		lines, size := map[float64]bool{}, 0.0
		for _, it := range p.Items {
			if r, ok := it.(layout.TextRun); ok && r.Size > th.Sizes.Small && r.Size < th.Sizes.Title {
				lines[r.At.Y], size = true, r.Size // the cells, not the title or the source
			}
		}
		if len(lines) != 9 || size <= th.Sizes.Body*0.92 {
			t.Errorf("the policy table is %d lines at %gpt, want its 9 rows on 9 lines, larger than at body size", len(lines), size)
		}
	}
	for _, id := range []string{"summary", "compare", "drivers", "challenges", "outlook"} {
		for _, p := range pages {
			if d.Slides[p.Slide].ID != id {
				continue
			}
			share := bodyShare(p, top, bottom)
			t.Logf("slide %s: its text fills %.0f%% of the body's height", id, share*100)
			if id != "summary" && id != "compare" && share < 0.5 {
				t.Errorf("slide %s: its text fills %.0f%% of the body's height, want half or more", id, share*100)
			}
		}
	}
}
