package picture

import (
	"encoding/binary"
	"image"
	"image/color"
	"image/draw"
)

// Orientation returns the Exif orientation of a JPEG file, 1 to 8 (TIFF
// 6.0 and Exif 2.32, tag 0x0112): how its stored pixels are to be turned
// and mirrored to be shown. It is 1, upright, when the file has no Exif
// block, no orientation in its first image directory, or one it cannot
// read. Only the markers before the image data are read.
func Orientation(jpegData []byte) int {
	d := jpegData
	if len(d) < 4 || d[0] != 0xFF || d[1] != 0xD8 {
		return 1
	}
	for i := 2; i+4 <= len(d); {
		if d[i] != 0xFF {
			return 1
		}
		marker := d[i+1]
		if marker == 0xFF { // fill byte
			i++
			continue
		}
		if marker == 0xDA || marker == 0xD9 { // image data, or its end
			return 1
		}
		n := int(binary.BigEndian.Uint16(d[i+2:]))
		if n < 2 || i+2+n > len(d) {
			return 1
		}
		seg := d[i+4 : i+2+n]
		if marker == 0xE1 && len(seg) >= 6 && string(seg[:6]) == "Exif\x00\x00" {
			return tiffOrientation(seg[6:])
		}
		i += 2 + n
	}
	return 1
}

// tiffOrientation reads the orientation tag of the first image directory
// of a TIFF structure, the body of an Exif block.
func tiffOrientation(t []byte) int {
	if len(t) < 8 {
		return 1
	}
	var bo binary.ByteOrder
	switch string(t[:2]) {
	case "II":
		bo = binary.LittleEndian
	case "MM":
		bo = binary.BigEndian
	default:
		return 1
	}
	if bo.Uint16(t[2:]) != 42 {
		return 1
	}
	ifd := int64(bo.Uint32(t[4:]))
	if ifd < 8 || ifd+2 > int64(len(t)) {
		return 1
	}
	count := int(bo.Uint16(t[ifd:]))
	for k := range count {
		e := ifd + 2 + int64(k)*12
		if e+12 > int64(len(t)) {
			return 1
		}
		// An entry: tag, type, count, and a value that fits in 4 bytes.
		if bo.Uint16(t[e:]) != 0x0112 {
			continue
		}
		if bo.Uint16(t[e+2:]) != 3 || bo.Uint32(t[e+4:]) != 1 { // one SHORT
			return 1
		}
		if o := int(bo.Uint16(t[e+8:])); o >= 1 && o <= 8 {
			return o
		}
		return 1
	}
	return 1
}

// pixels are a picture's 8-bit samples, grey (one byte a pixel) or RGBA
// (four, opaque), row after row.
type pixels struct {
	pix  []byte
	w, h int
	bpp  int // bytes a pixel: 1 or 4
}

// newPixels returns the samples of a decoded JPEG: grey stays grey, any
// other becomes RGB. CMYK as image/jpeg decodes it (uninverted, whether
// the file was Adobe's inverted CMYK or not) is turned to RGB with
// color.CMYKToRGB.
func newPixels(img image.Image) pixels {
	b := img.Bounds()
	p := pixels{w: b.Dx(), h: b.Dy()}
	switch m := img.(type) {
	case *image.Gray:
		p.bpp, p.pix = 1, make([]byte, p.w*p.h)
		for y := range p.h {
			copy(p.pix[y*p.w:(y+1)*p.w], m.Pix[m.PixOffset(b.Min.X, b.Min.Y+y):])
		}
	case *image.CMYK:
		p.bpp, p.pix = 4, make([]byte, 4*p.w*p.h)
		for y := range p.h {
			for x := range p.w {
				s, d := m.PixOffset(b.Min.X+x, b.Min.Y+y), 4*(y*p.w+x)
				r, g, bl := color.CMYKToRGB(m.Pix[s], m.Pix[s+1], m.Pix[s+2], m.Pix[s+3])
				p.pix[d], p.pix[d+1], p.pix[d+2], p.pix[d+3] = r, g, bl, 0xFF
			}
		}
	default:
		rgba := image.NewRGBA(image.Rect(0, 0, p.w, p.h))
		draw.Draw(rgba, rgba.Rect, img, b.Min, draw.Src)
		p.bpp, p.pix = 4, rgba.Pix
	}
	return p
}

// orient returns the pixels turned and mirrored as Exif orientation o says
// they are to be shown.
func (p pixels) orient(o int) pixels {
	if o < 2 || o > 8 {
		return p
	}
	q := pixels{w: p.w, h: p.h, bpp: p.bpp, pix: make([]byte, len(p.pix))}
	if o >= 5 { // the sides swap
		q.w, q.h = p.h, p.w
	}
	for y := range q.h {
		for x := range q.w {
			sx, sy := source(o, x, y, p.w, p.h)
			s, d := p.bpp*(sy*p.w+sx), q.bpp*(y*q.w+x)
			copy(q.pix[d:d+q.bpp], p.pix[s:s+p.bpp])
		}
	}
	return q
}

// source returns the stored pixel of a w×h picture that orientation o
// shows at (x, y).
func source(o, x, y, w, h int) (int, int) {
	switch o {
	case 2: // mirrored left to right
		return w - 1 - x, y
	case 3: // turned half round
		return w - 1 - x, h - 1 - y
	case 4: // mirrored top to bottom
		return x, h - 1 - y
	case 5: // mirrored along the main diagonal
		return y, x
	case 6: // to be turned a quarter clockwise
		return y, h - 1 - x
	case 7: // mirrored along the other diagonal
		return w - 1 - y, h - 1 - x
	case 8: // to be turned a quarter anticlockwise
		return w - 1 - y, x
	}
	return x, y
}

// image returns the pixels as an image image/jpeg encodes: grey or RGBA.
func (p pixels) image() image.Image {
	r := image.Rect(0, 0, p.w, p.h)
	if p.bpp == 1 {
		return &image.Gray{Pix: p.pix, Stride: p.w, Rect: r}
	}
	return &image.RGBA{Pix: p.pix, Stride: 4 * p.w, Rect: r}
}
