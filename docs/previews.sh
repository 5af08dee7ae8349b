#!/usr/bin/env bash
# previews.sh renders the default deck and writes the README's page
# previews into docs/previews/: 800 px wide, quantized to about 40 KB each.
# Needs Go, pdftoppm (Debian: poppler-utils) and pngquant (Debian: pngquant).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$root" && go build -o "$work/deck" ./cmd/deck)
(cd "$work" && ./deck render -o report.pdf >/dev/null)
for page in 2 4 5; do
  pdftoppm -png -f "$page" -l "$page" -singlefile -scale-to-x 800 -scale-to-y -1 "$work/report.pdf" "$work/page-$page"
  pngquant --quality 70-90 --speed 1 --strip --force --output "$root/docs/previews/page-$page.png" "$work/page-$page.png"
done
ls -l "$root"/docs/previews/*.png
