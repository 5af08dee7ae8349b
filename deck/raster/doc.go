// Package raster draws laid-out pages as pictures: slides for a chat
// group, a contact sheet of a whole deck. It paints the same layout.Page
// items as package pdf, with the same font files, and measures nothing
// itself: every glyph stands where the layout's run and the font's
// advances put it, as in the PDF.
//
// Text is drawn from the TrueType outlines (golang.org/x/image/font/sfnt)
// and filled, like every shape, by golang.org/x/image/vector, anti-aliased;
// pictures and charts are scaled with golang.org/x/image/draw's Catmull-Rom
// kernel. A page draws to the same pixels every time.
package raster
