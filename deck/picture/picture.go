package picture

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"strings"
)

// MaxPixels is the largest picture Normalize takes, in pixels.
const MaxPixels = 50_000_000

// A Format is the kind of file a picture is.
type Format int

// The formats.
const (
	PNG Format = iota
	JPEG
)

// String returns the format's name as image.DecodeConfig gives it: "png"
// or "jpeg".
func (f Format) String() string {
	switch f {
	case PNG:
		return "png"
	case JPEG:
		return "jpeg"
	default:
		return fmt.Sprintf("Format(%d)", int(f))
	}
}

// A Picture is a file ready to embed: Data is a PNG (8-bit grey, RGB, RGBA
// or palette; not interlaced; no tRNS chunk) or a JPEG (grey or YCbCr,
// upright) that both PDF engines draw as the original looks.
type Picture struct {
	Data   []byte
	Format Format
	// Width and Height are the picture's size in pixels as it is shown,
	// after any Exif turn.
	Width, Height int
	// Converted says what was changed ("a 16-bit PNG"), empty when Data is
	// the file as it was.
	Converted string
}

// An Error says why a file cannot be used as a picture.
type Error struct {
	// Reason completes a sentence whose subject is the file: "is not a
	// PNG or JPEG file".
	Reason string
}

func (e *Error) Error() string { return "picture: the file " + e.Reason }

func refuse(format string, args ...any) error {
	return &Error{Reason: fmt.Sprintf(format, args...)}
}

// Normalize reads a whole PNG or JPEG file, so that a damaged one is found
// now, not when the PDF is written, and returns it in a form both engines
// draw as it looks: the file itself when they take it, or the picture
// converted.
func Normalize(data []byte) (Picture, error) {
	cfg, kind, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil || (kind != "png" && kind != "jpeg") {
		return Picture{}, refuse("is not a PNG or JPEG file")
	}
	if cfg.Width <= 0 || cfg.Height <= 0 || cfg.Width*cfg.Height > MaxPixels {
		return Picture{}, refuse("is %d×%d pixels; deck takes pictures of 1 to 50 million pixels", cfg.Width, cfg.Height)
	}
	if kind == "png" {
		return normalizePNG(data)
	}
	return normalizeJPEG(data, cfg)
}

func damaged(kind string, err error) error {
	return refuse("is a damaged %s file (%v)", strings.ToUpper(kind), err)
}

// normalizePNG returns a PNG both engines take as it is, and converts any
// other: 16-bit (fpdf embeds it as garbage, gopdf refuses it), grey with
// alpha, fewer than 8 bits, interlaced (both refuse), or with a tRNS chunk
// (both keep only one fully transparent colour).
func normalizePNG(data []byte) (Picture, error) {
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		return Picture{}, damaged("png", err)
	}
	b := img.Bounds()
	p := Picture{Data: data, Format: PNG, Width: b.Dx(), Height: b.Dy()}
	if p.Converted = pngProblem(data); p.Converted == "" {
		return p, nil
	}
	var out bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestCompression}
	if err := enc.Encode(&out, eightBit(img)); err != nil {
		return Picture{}, fmt.Errorf("picture: %w", err)
	}
	p.Data = out.Bytes()
	return p, nil
}

// pngProblem says what in a PNG one of the engines cannot take, or "".
// The file has been decoded: its header is sound.
func pngProblem(data []byte) string {
	depth, ct, interlace := data[24], data[25], data[28]
	switch {
	case depth == 16:
		return "a 16-bit PNG"
	case interlace != 0:
		return "an interlaced PNG"
	case ct == 4:
		return "a grey PNG with alpha"
	case depth != 8:
		return fmt.Sprintf("a %d-bit PNG", depth)
	case hasChunk(data, "tRNS"):
		return "a PNG with a transparent colour (tRNS)"
	}
	return ""
}

// hasChunk reports whether a PNG has a chunk of the type before its image
// data ends.
func hasChunk(data []byte, typ string) bool {
	for i := 8; i+8 <= len(data); {
		n := int(binary.BigEndian.Uint32(data[i:]))
		t := string(data[i+4 : i+8])
		if t == typ {
			return true
		}
		if t == "IEND" || n < 0 || n > len(data) {
			return false
		}
		i += 12 + n
	}
	return false
}

// eightBit returns img with 8 bits a channel, in a type that image/png
// writes as such: grey stays grey, a picture without transparency becomes
// RGB, any other RGBA.
func eightBit(img image.Image) image.Image {
	b := img.Bounds()
	switch m := img.(type) {
	case *image.Gray:
		return m
	case *image.Gray16:
		g := image.NewGray(b)
		for y := b.Min.Y; y < b.Max.Y; y++ {
			for x := b.Min.X; x < b.Max.X; x++ {
				g.Pix[g.PixOffset(x, y)] = m.Pix[m.PixOffset(x, y)] // the high byte
			}
		}
		return g
	case *image.NRGBA64:
		n := image.NewNRGBA(b)
		for y := b.Min.Y; y < b.Max.Y; y++ {
			for x := b.Min.X; x < b.Max.X; x++ {
				s, d := m.PixOffset(x, y), n.PixOffset(x, y)
				for c := range 4 {
					n.Pix[d+c] = m.Pix[s+2*c] // the high byte
				}
			}
		}
		return n
	}
	n := image.NewNRGBA(b)
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			n.SetNRGBA(x, y, color.NRGBAModel.Convert(img.At(x, y)).(color.NRGBA))
		}
	}
	return n
}

// normalizeJPEG returns a grey or YCbCr JPEG without an Exif turn as it is,
// and converts any other: CMYK (Adobe's, inverted, or not: the engines
// cannot tell), RGB, or one whose Exif orientation turns or mirrors it.
func normalizeJPEG(data []byte, cfg image.Config) (Picture, error) {
	img, err := jpeg.Decode(bytes.NewReader(data))
	if err != nil {
		return Picture{}, damaged("jpeg", err)
	}
	p := Picture{Data: data, Format: JPEG, Width: cfg.Width, Height: cfg.Height}
	o := Orientation(data)
	switch {
	case cfg.ColorModel == color.CMYKModel:
		p.Converted = "a CMYK JPEG"
	case cfg.ColorModel != color.YCbCrModel && cfg.ColorModel != color.GrayModel:
		p.Converted = "an RGB JPEG"
	case o != 1:
		p.Converted = fmt.Sprintf("a JPEG of Exif orientation %d", o)
	default:
		return p, nil
	}
	pix := newPixels(img)
	pix = pix.orient(o)
	var out bytes.Buffer
	if err := jpeg.Encode(&out, pix.image(), &jpeg.Options{Quality: 95}); err != nil {
		return Picture{}, fmt.Errorf("picture: %w", err)
	}
	p.Data, p.Width, p.Height = out.Bytes(), pix.w, pix.h
	return p, nil
}
