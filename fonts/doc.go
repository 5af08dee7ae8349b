// Package fonts provides the faces that deck measures and embeds: the bundled
// Noto Sans SC subset (Regular and Bold) or a user's own TrueType files.
//
// It is the only source of glyph widths in deck. The PDF backends embed a
// Subset of the bytes a Face was parsed from: the glyphs a document draws,
// each with its outline and advance unchanged, so what the layout measures
// is what the PDF draws. SubsetHalf adds half-width forms of Chinese
// punctuation (HalfWidth), for a mark the layout compresses. A face may
// come out of a font collection (ParsePick).
package fonts
