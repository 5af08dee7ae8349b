// Package pptx writes laid-out pages as an editable PowerPoint
// presentation (Office Open XML, ECMA-376 Transitional).
//
// It is a third painter over the same pages as the PDF: layout has decided
// every line and coordinate, and pptx keeps them. Each leaf of a page's
// structure tree that holds text becomes one text box whose lines end in
// explicit line breaks, with exact line spacing, no insets, no wrapping and
// no autofit, so that an application never wraps the text again; a slide's
// title is its title placeholder. Boxes and paths are shapes (rounded
// corners as roundRect, paths as custom geometry), pictures and charts are
// pictures with the same PNG or JPEG bytes as the PDF and the alternative
// text of their Figure node, links are hyperlinks. A chart's hidden text is
// left out: its picture's description says it. With Options.NativeCharts,
// bar and line charts are PowerPoint charts (c:chart parts) whose data is
// in an embedded workbook.
//
// With Options.EmbedFonts the regular and bold faces are embedded, each
// subset to the characters the slides and notes use, as Embedded OpenType
// files (eot.go), the form PowerPoint keeps fonts in.
//
// The parts are typed structs written with encoding/xml, into a zip
// archive whose entries have a fixed order and time, so that the same pages
// give the same bytes.
package pptx
