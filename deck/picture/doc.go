// Package picture turns a user's PNG or JPEG file into bytes that both PDF
// engines (fpdf and gopdf, in deck/pdf) draw as the picture looks.
//
// Neither engine decodes a picture: each copies the compressed data into the
// PDF and describes it, and each describes only some files right. fpdf
// embeds a 16-bit PNG with alpha as garbage without a word; gopdf refuses
// 16-bit PNGs; both refuse interlaced PNGs, keep only one fully transparent
// colour of a palette, ignore a JPEG's Exif orientation, and embed a CMYK
// JPEG in colours far from its own. Normalize hands such a file back
// converted to a form both take (an 8-bit grey, RGB or RGBA PNG, not
// interlaced, without tRNS; a grey or YCbCr JPEG, turned upright), and every
// other file (those, and 8-bit palette PNGs without tRNS) as it is. What it
// cannot read is an *Error that says why. deck/pdf's
// TestPicturesLookAsTheyAre draws every kind through both engines.
package picture
