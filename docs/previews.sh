#!/usr/bin/env bash
# previews.sh renders the default deck and the examples and writes the
# README's page previews into docs/previews/: 800 px wide, quantized to
# about 40 KB each.
# Needs Go, pdftoppm (Debian: poppler-utils) and pngquant (Debian: pngquant;
# without it, ImageMagick's convert quantizes to 64 colours).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$root" && go build -o "$work/deck" ./cmd/deck)
(cd "$work" && ./deck render -o report.pdf >/dev/null)
# preview PDF PAGE NAME writes docs/previews/NAME.png from page PAGE of PDF.
preview() {
  pdftoppm -png -f "$2" -l "$2" -singlefile -scale-to-x 800 -scale-to-y -1 "$1" "$work/$3"
  if command -v pngquant >/dev/null; then
    pngquant --quality 70-90 --speed 1 --strip --force --output "$root/docs/previews/$3.png" "$work/$3.png"
  else
    convert "$work/$3.png" -strip -colors 64 "$root/docs/previews/$3.png"
  fi
}
for page in 2 4 5; do
  preview "$work/report.pdf" "$page" "page-$page"
done
for ex in quarterly:4 policy:2 market:5; do
  name=${ex%%:*}
  "$work/deck" render -c "$root/examples/$name" -o "$work/$name.pdf" >/dev/null
  preview "$work/$name.pdf" "${ex##*:}" "$name-${ex##*:}"
done
ls -l "$root"/docs/previews/*.png
