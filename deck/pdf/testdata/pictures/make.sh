#!/usr/bin/env bash
# make.sh remakes the pictures of this folder with ImageMagick 6 (convert),
# as TestPicturesLookAsTheyAre reads them. It was run once and its output
# committed, so that the tests need no ImageMagick:
#   bash deck/pdf/testdata/pictures/make.sh
# source.png is the picture every variant is compared with: 64×48 pixels,
# six blocks of distinct colours, a transparent square in the middle and a
# half-transparent band at the bottom. grey.png is it in shades of grey.
set -euo pipefail
cd "$(dirname "$0")"
rm -f ./*.png ./*.jpg
convert -size 64x48 xc:none +antialias \
  -fill '#d62728' -draw 'rectangle 0,0 21,23' -fill '#2ca02c' -draw 'rectangle 22,0 42,23' \
  -fill '#1f77b4' -draw 'rectangle 43,0 63,23' -fill '#ffbf00' -draw 'rectangle 0,24 21,47' \
  -fill '#7f3fbf' -draw 'rectangle 22,24 42,47' -fill '#202020' -draw 'rectangle 43,24 63,47' \
  -region 12x12+26+18 -alpha transparent +region \
  -region 64x6+0+42 -channel A -evaluate set 50% +channel +region \
  -strip PNG32:source.png
convert source.png -colorspace Gray -strip PNG32:grey.png
flat=(source.png -background white -flatten)
greyflat=(grey.png -background white -flatten)

# PNG: as deck draws them as they are, and as an engine cannot take them.
convert source.png -strip PNG32:rgba8.png
convert "${flat[@]}" -strip PNG24:rgb8.png
convert source.png -strip -depth 16 PNG64:rgba16.png
convert "${flat[@]}" -strip -depth 16 PNG48:rgb16.png
convert "${greyflat[@]}" -strip -define png:color-type=0 -define png:bit-depth=8 grey8.png
convert "${greyflat[@]}" -strip -define png:color-type=0 -define png:bit-depth=16 grey16.png
convert grey.png -strip -define png:color-type=4 -define png:bit-depth=8 greyalpha8.png
convert grey.png -strip -define png:color-type=4 -define png:bit-depth=16 greyalpha16.png
convert "${flat[@]}" -strip PNG8:palette.png
convert source.png -channel A -threshold 40% +channel -strip PNG8:palette-trns.png
convert source.png -strip -interlace PNG PNG32:interlaced.png
convert source.png -strip -interlace PNG -depth 16 PNG64:interlaced16.png

# JPEG: baseline, grey, progressive, CMYK (Adobe, inverted), and stored
# turned or mirrored with an Exif orientation (2 to 8) saying how to show
# it.
convert "${flat[@]}" -strip -quality 95 baseline.jpg
convert "${greyflat[@]}" -strip -colorspace Gray -quality 95 grey.jpg
convert "${flat[@]}" -strip -interlace JPEG -quality 95 progressive.jpg
convert "${flat[@]}" -strip -colorspace CMYK -quality 95 cmyk.jpg
# stored[o] is what undoes orientation o: the file holds the picture so
# turned, and its Exif says how to turn it back.
stored=([2]=-flop [3]='-rotate 180' [4]=-flip [5]=-transpose [6]='-rotate 270' [7]=-transverse [8]='-rotate 90')
for o in 2 3 4 5 6 7 8; do
  exif=$(mktemp)
  # Exif, a little-endian TIFF header, one IFD of one entry: 0x0112
  # Orientation, SHORT, count 1, value o.
  printf 'Exif\000\000II*\000\010\000\000\000\001\000\022\001\003\000\001\000\000\000'"\\$(printf %03o "$o")"'\000\000\000\000\000\000\000' >"$exif"
  # shellcheck disable=SC2086
  convert "${flat[@]}" -strip ${stored[$o]} -profile "APP1:$exif" -quality 95 "exif$o.jpg"
  rm -f "$exif"
done

# A picture cut short, which cannot be converted: refused with its place.
head -c 300 rgb16.png >damaged.png
