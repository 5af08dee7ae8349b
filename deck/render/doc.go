// Package render is deck's whole pipeline as a library: it loads a deck
// (the built-in report, a folder, or a deck file in any fs.FS), checks it,
// lays it out, draws its charts and writes the PDF.
//
// Render writes a PDF or a presentation, and Pictures draws PNG slides;
// Validate checks a deck and writes nothing; Build returns the laid-out
// pages, for outputs of one's own, and the built Document writes them
// (Write) and draws them (Pictures) as Render and Pictures do, so that a
// program wanting several outputs of one deck loads it once. Each takes a
// context: cancelling it stops the work between slides and charts, and
// nothing is written. The functions keep no state between calls and are
// safe for concurrent use; what a render depends on (the clock, the cache
// folder) comes in through Options.
//
// The command line (cmd/deck) only parses flags, prints and sets exit
// codes over this package.
package render
