#!/usr/bin/env bash
# subset.sh rebuilds the two embedded fonts from the upstream npm package.
#
# Source: npm package @expo-google-fonts/noto-sans-sc@0.4.3 (Noto Sans SC,
# static TrueType/glyf files, SIL Open Font License 1.1, see OFL.txt).
# Repertoire (documented in README.md beside this script):
#   charset/base_unicodes.txt   ASCII, Latin-1, Latin Extended-A, pinyin tones,
#                               Greek, Cyrillic, general punctuation, letterlike
#                               symbols, number forms, arrows, maths operators,
#                               enclosed alphanumerics, box drawing, geometric
#                               shapes, misc symbols, CJK symbols and
#                               punctuation, kana, enclosed CJK, CJK
#                               compatibility forms, half/fullwidth forms
#   extra                       U+2713 U+2714 (check marks), U+00B7, U+2027
#   charset/gb2312_hanzi.txt    GB 2312 hanzi (6763)
#   charset/tongyong8105.txt    通用规范汉字表 (8105)
# Tables dropped: OpenType layout (GSUB/GPOS/GDEF/BASE), STAT, vertical
# metrics, DSIG and hinting. Outlines stay TrueType (glyf).
#
# Needs: npm, pyftsubset (Debian package fonttools). Run from anywhere.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

(cd "$work" && npm pack --silent @expo-google-fonts/noto-sans-sc@0.4.3 >/dev/null && tar xzf ./*.tgz)

# One code point a line, U+XXXX, for pyftsubset --unicodes-file.
{
  tr ',' '\n' <"$here/charset/base_unicodes.txt"
  printf 'U+2713\nU+2714\nU+00B7\nU+2027\n'
  cat "$here/charset/gb2312_hanzi.txt" "$here/charset/tongyong8105.txt" |
    python3 -c 'import sys
for ch in sorted(set(sys.stdin.read().split())):
    print("U+%04X" % ord(ch))'
} >"$work/unicodes.txt"

for weight in 400Regular:Regular 700Bold:Bold; do
  src=${weight%%:*}; dst=${weight##*:}
  pyftsubset "$work/package/$src/NotoSansSC_$src.ttf" \
    --unicodes-file="$work/unicodes.txt" \
    --output-file="$here/NotoSansSC-$dst.ttf" \
    --drop-tables+=GSUB,GPOS,GDEF,BASE,STAT,vhea,vmtx,DSIG,hdmx,VDMX,LTSH \
    --no-hinting --layout-features='' --name-IDs='*' --no-glyph-names \
    --notdef-outline
done
# Every glyph gets its own entry in hmtx (hhea.numberOfHMetrics =
# maxp.numGlyphs; fontTools would share the last advance among the last
# glyphs): fpdf reads a shared advance by appending to a slice of the font
# file, which writes into the bytes it was given. With whole entries it
# only reads, and the PDF writer need not copy 5.7 MB per render.
for dst in Regular Bold; do
  /usr/bin/python3 - "$here/NotoSansSC-$dst.ttf" <<'PY'
import struct, sys
from fontTools.ttLib import TTFont
from fontTools.ttLib.tables.DefaultTable import DefaultTable
path = sys.argv[1]
font = TTFont(path, recalcBBoxes=False, recalcTimestamp=False)
order = font.getGlyphOrder()
metrics = font["hmtx"].metrics
hmtx = DefaultTable("hmtx")
hmtx.data = b"".join(struct.pack(">Hh", *metrics[g]) for g in order)
font["hhea"].numberOfHMetrics = len(order)
font["hmtx"] = hmtx
font.save(path)
PY
done
cp "$work/package/LICENSE_FONT" "$here/OFL.txt"
ls -l "$here"/NotoSansSC-*.ttf
