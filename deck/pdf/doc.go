// Package pdf writes laid-out pages as a PDF file. It is the only package
// that knows a PDF library. Options.Engine chooses one of two painters,
// which draw the same items and never measure or wrap text: one on
// github.com/go-pdf/fpdf (the default), one on github.com/signintech/gopdf.
//
// The two give the same pages, text, outline, document information and
// look (the tests compare them with the PDF tools, page by page). Where
// gopdf v0.33.0 cannot say what fpdf says, the gopdf painter draws the
// same thing another way:
//
//   - Hidden text (the data over a chart's picture) is filled fully
//     transparent, an ExtGState with /ca 0 inside q … Q, where fpdf uses
//     text render mode 3: gopdf has no render mode. It is not seen, and is
//     searched, copied and extracted alike; but the file uses transparency,
//     which PDF/A-1 forbids, and a tool looking for render mode 3 (as OCR
//     layers use it) does not find it.
//   - Paths are stroked a segment at a time with a disc on every point:
//     the round caps and joins fpdf sets, which gopdf cannot. A path's
//     fill is a polygon under the stroke (fpdf fills and strokes one
//     path), by the nonzero rule in both.
//   - Rounded corners are polygons within 0.005 pt of the arc, where fpdf
//     draws Bézier curves.
//   - Font sizes are written to 0.001 pt and character spacing to
//     0.001 pt (fpdf: 0.01 pt and 0.0001 pt).
//
// gopdf's outline is malformed (every entry's /Parent is the page tree;
// MuPDF says "Bad or missing parent pointer in outline tree, repairing")
// and it writes the document information inline in the trailer, without
// keywords. The gopdf writer uses neither: it writes the outline, the
// information dictionary and the catalog itself, after gopdf, keeping
// gopdf's objects as they are (gopdf_finish.go).
//
// The fpdf engine writes a tagged PDF: every item drawn is marked content,
// with an MCID, under the element of its node of the page's structure tree
// (layout.Node), or an /Artifact; the structure tree, its parent tree,
// /MarkInfo, /ViewerPreferences /DisplayDocTitle and the pages' /Tabs /S
// are added after fpdf, which writes the file again, whole, with its
// streams compressed (tagged.go, rewrite.go). A chart's
// hidden text is an artifact: its Figure's /Alt says the data once. A run
// of Latin letters only carries Meta.LatinLang as its /Lang. With
// Options.PDFA the same pass makes the file PDF/A-2b: XMP metadata, an
// sRGB output intent, a file identifier (pdfa.go). The gopdf engine writes
// an untagged PDF, and no PDF/A.
package pdf
