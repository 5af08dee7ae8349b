package pptx

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"unicode/utf16"

	"github.com/deckpdf/deck/fonts"
	"golang.org/x/image/font/sfnt"
)

// PowerPoint keeps an embedded font as an Embedded OpenType file (W3C
// Member Submission, 2008): a little-endian header of the font's
// classification and names, then the TrueType font itself. deck writes
// version 2.1 with no MicroType Express compression and no XOR
// obfuscation, as libeot (LibreOffice's reader) and PowerPoint read it.
const (
	eotVersion = 0x00020001
	eotMagic   = 0x504C
	eotSubset  = 0x00000001 // TTEMBED_SUBSET: the font has some glyphs only
	eotCharset = 1          // DEFAULT_CHARSET
)

// An eotHeader is the fixed part of an EOT header, before its names.
type eotHeader struct {
	EOTSize            uint32 // the whole file
	FontDataSize       uint32 // the TrueType font after the header
	Version            uint32
	Flags              uint32
	PANOSE             [10]byte
	Charset            uint8
	Italic             uint8
	Weight             uint32
	FsType             uint16
	MagicNumber        uint16
	UnicodeRange       [4]uint32
	CodePageRange      [2]uint32
	CheckSumAdjustment uint32
	Reserved           [4]uint32
	Padding1           uint16
}

// eot returns a TrueType font as an Embedded OpenType file: the header's
// fields come from the font's OS/2, head and name tables.
func eot(ttf []byte) ([]byte, error) {
	face, err := fonts.Parse("embedded font", ttf)
	if err != nil {
		return nil, fmt.Errorf("pptx: %w", err)
	}
	f, err := sfnt.Parse(ttf)
	if err != nil {
		return nil, fmt.Errorf("pptx: embedded font: %w", err)
	}
	os2, head := face.Table("OS/2"), face.Table("head")
	if len(os2) < 86 || len(head) < 12 {
		return nil, fmt.Errorf("pptx: embedded font: no OS/2 table of version 1 or no head table")
	}
	h := eotHeader{FontDataSize: uint32(len(ttf)), Version: eotVersion, Flags: eotSubset,
		Charset: eotCharset, Italic: os2[63] & 1, Weight: uint32(be16(os2[4:])), FsType: be16(os2[8:]),
		MagicNumber: eotMagic, CheckSumAdjustment: binary.BigEndian.Uint32(head[8:])}
	copy(h.PANOSE[:], os2[32:42])
	for i := range h.UnicodeRange {
		h.UnicodeRange[i] = binary.BigEndian.Uint32(os2[42+4*i:])
	}
	for i := range h.CodePageRange {
		h.CodePageRange[i] = binary.BigEndian.Uint32(os2[78+4*i:])
	}
	var names bytes.Buffer
	var buf sfnt.Buffer
	for k, id := range []sfnt.NameID{sfnt.NameIDFamily, sfnt.NameIDSubfamily, sfnt.NameIDVersion, sfnt.NameIDFull} {
		s, _ := f.Name(&buf, id) // a missing name is an empty one
		if k > 0 {
			names.Write([]byte{0, 0}) // Padding2 to Padding4
		}
		eotString(&names, s)
	}
	names.Write([]byte{0, 0, 0, 0}) // Padding5 and an empty RootString
	h.EOTSize = uint32(binary.Size(h) + names.Len() + len(ttf))
	var out bytes.Buffer
	binary.Write(&out, binary.LittleEndian, h) // a bytes.Buffer does not fail
	out.Write(names.Bytes())
	out.Write(ttf)
	return out.Bytes(), nil
}

// eotString writes a name as EOT does: its size in bytes, then UTF-16LE.
func eotString(b *bytes.Buffer, s string) {
	u := utf16.Encode([]rune(s))
	binary.Write(b, binary.LittleEndian, uint16(2*len(u)))
	binary.Write(b, binary.LittleEndian, u)
}

func be16(b []byte) uint16 { return binary.BigEndian.Uint16(b) }
