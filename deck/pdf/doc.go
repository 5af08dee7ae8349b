// Package pdf writes laid-out pages as a PDF file. It is the only package
// that knows a PDF library: the painter here draws on
// github.com/go-pdf/fpdf, and never measures or wraps text.
package pdf
