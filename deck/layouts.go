package deck

// moreLayoutNames are the names of the layouts from LayoutSection on, in
// the order of the constants.
var moreLayoutNames = [...]string{"section", "agenda", "picture-left", "picture-right", "big-number", "quote", "title-only"}

// Footed reports whether pages of the layout carry the footer (the page
// number, copyright and site): every layout but the cover, the closing
// page and a section divider, which fill the page edge to edge.
func (l Layout) Footed() bool {
	switch l {
	case LayoutCover, LayoutClosing, LayoutSection:
		return false
	}
	return true
}

// Listed reports whether a slide of the layout is an entry of an agenda
// that lists slides (a deck with no section dividers): not the cover, the
// closing page, an agenda or a quotation.
func (l Layout) Listed() bool {
	switch l {
	case LayoutCover, LayoutClosing, LayoutAgenda, LayoutQuote:
		return false
	}
	return true
}

// SlideIndex returns the index in d.Slides of the slide with the id, and
// whether there is one.
func (d *Deck) SlideIndex(id string) (int, bool) {
	for i := range d.Slides {
		if d.Slides[i].ID == id {
			return i, true
		}
	}
	return 0, false
}
