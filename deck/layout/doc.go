// Package layout turns a deck into pages of positioned items: text runs,
// boxes, paths, images and links, with every line break and coordinate
// decided. Backends only draw what it produces; they never measure or wrap.
//
// Coordinates are in points with the origin at the top left of the page and
// y growing downwards. Text is placed by its baseline.
package layout
