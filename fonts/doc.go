// Package fonts provides the faces that deck measures and embeds: the bundled
// Noto Sans SC subset (Regular and Bold) or a user's own TrueType files.
//
// It is the only source of glyph widths in deck. The PDF backends embed the
// very bytes a Face was parsed from, so what the layout measures is what the
// PDF draws.
package fonts
