#!/usr/bin/python3
"""make.py writes the test fonts beside it, with fontTools (Debian package
python3-fonttools). Run it from anywhere: /usr/bin/python3 make.py

  composite.ttf   TrueType outlines: notdef, space, A, a dot, Ä (A and the
                  dot: a composite), Ǟ (Ä and a dot: a composite of a
                  composite), Å (A and the dot scaled: a component with a
                  transform), 中, and U+20000 above the BMP. Advances
                  differ, so a shifted advance shows, but for the last
                  two: fontTools then writes one hmtx entry for both
                  (hhea.numberOfHMetrics below the glyph count), as
                  most fonts do.
  collection.ttc  two TrueType faces, DeckTest-Regular and DeckTest-Bold.
  mixed.otc       face 0 DeckTestCFF-Regular with CFF (PostScript) outlines,
                  face 1 DeckTest-Regular with TrueType outlines.

The outlines are rectangles drawn here: the fonts are ours, under no
licence but the repository's.
"""
import os
from fontTools.fontBuilder import FontBuilder
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.pens.t2CharStringPen import T2CharStringPen
from fontTools.ttLib import TTFont
from fontTools.ttLib.ttCollection import TTCollection

here = os.path.dirname(os.path.abspath(__file__))
order = [".notdef", "space", "A", "dot", "Adieresis", "Adieresismacron", "Aring", "zhong", "u20000"]
cmap = {0x20: "space", 0x41: "A", 0x2E: "dot", 0xC4: "Adieresis", 0x1DE: "Adieresismacron",
        0xC5: "Aring", 0x4E2D: "zhong", 0x20000: "u20000"}
advances = {".notdef": 500, "space": 250, "A": 600, "dot": 200, "Adieresis": 610,
            "Adieresismacron": 620, "Aring": 630, "zhong": 1000, "u20000": 1000}
boxes = {".notdef": (50, 0, 450, 700), "A": (40, 0, 560, 700), "dot": (50, 800, 150, 900),
         "zhong": (60, -80, 940, 820), "u20000": (70, -60, 920, 800)}


def rect(pen, box):
    x0, y0, x1, y1 = box
    pen.moveTo((x0, y0)); pen.lineTo((x0, y1)); pen.lineTo((x1, y1)); pen.lineTo((x1, y0))
    pen.closePath()


def truetype(family, style):
    fb = FontBuilder(1000, isTTF=True)
    fb.setupGlyphOrder(order)
    fb.setupCharacterMap(cmap)
    glyphs = {}
    for g in order:
        pen = TTGlyphPen(glyphs)
        if g in boxes:
            rect(pen, boxes[g])
        elif g == "Adieresis":
            pen.addComponent("A", (1, 0, 0, 1, 0, 0))
            pen.addComponent("dot", (1, 0, 0, 1, 100, 0))
        elif g == "Adieresismacron":
            pen.addComponent("Adieresis", (1, 0, 0, 1, 0, 0))
            pen.addComponent("dot", (1, 0, 0, 1, 300, 0))
        elif g == "Aring":
            pen.addComponent("A", (1, 0, 0, 1, 0, 0))
            pen.addComponent("dot", (0.5, 0, 0, 0.5, 200, 400))
        glyphs[g] = pen.glyph()
    fb.setupGlyf(glyphs)
    fb.setupHorizontalMetrics({g: (advances[g], 0) for g in order})
    fb.setupHorizontalHeader(ascent=880, descent=-120)
    fb.setupNameTable({"familyName": family, "styleName": style, "fullName": family + " " + style, "psName": family + "-" + style})
    fb.setupOS2(sTypoAscender=880, sTypoDescender=-120, usWinAscent=900, usWinDescent=150)
    fb.setupPost()
    return fb.font


def cff(family, style):
    fb = FontBuilder(1000, isTTF=False)
    names = [g for g in order if g in boxes or g == "space"]
    fb.setupGlyphOrder(names)
    fb.setupCharacterMap({u: g for u, g in cmap.items() if g in names})
    charstrings = {}
    for g in names:
        pen = T2CharStringPen(advances[g], None)
        if g in boxes:
            rect(pen, boxes[g])
        charstrings[g] = pen.getCharString()
    ps = family + "-" + style
    fb.setupCFF(ps, {"FullName": ps}, charstrings, {})
    fb.setupHorizontalMetrics({g: (advances[g], 0) for g in names})
    fb.setupHorizontalHeader(ascent=880, descent=-120)
    fb.setupNameTable({"familyName": family, "styleName": style, "fullName": family + " " + style, "psName": ps})
    fb.setupOS2(sTypoAscender=880, sTypoDescender=-120, usWinAscent=900, usWinDescent=150)
    fb.setupPost()
    return fb.font


def save(font, name):
    path = os.path.join(here, name)
    font.save(path)
    return TTFont(path)


def collection(faces, name):
    c = TTCollection()
    c.fonts = faces
    c.save(os.path.join(here, name))


regular = save(truetype("DeckTest", "Regular"), "composite.ttf")
bold = truetype("DeckTest", "Bold")
collection([regular, bold], "collection.ttc")
collection([cff("DeckTestCFF", "Regular"), truetype("DeckTest", "Regular")], "mixed.otc")
