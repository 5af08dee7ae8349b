// Package deck is the validated document model of a slide deck: slides, their
// blocks, the theme, and the positions in the user's files that every node
// came from. It also defines the diagnostics that all stages report.
//
// The model knows nothing of loading, layout or PDF: content builds it,
// deck/layout reads it.
package deck
