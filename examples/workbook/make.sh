#!/usr/bin/env bash
# make.sh has LibreOffice Calc save source/model.fods (a flat ODS written by
# hand: the analyst's model) as data/model.xlsx, the workbook deck.yaml
# reads, and writes LibreOffice's as-shown CSV of each sheet into
# source/shown/ (what Calc displays, to compare with the PDF's text).
#
# Needs (Debian): libreoffice-calc-nogui, python3. Runs from any folder;
# running it again leaves the same bytes.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# A private LibreOffice profile: no interference with a running LibreOffice.
soffice=(soffice --headless --norestore "-env:UserInstallation=file://$work/profile")

cd "$here"
"${soffice[@]}" --convert-to xlsx --outdir "$work/out" source/model.fods >/dev/null
# LibreOffice dates each zip entry with the time of the save: keep the
# committed workbook when its entries hold the same bytes.
python3 - "$work/out/model.xlsx" data/model.xlsx <<'PY'
import os, sys, zipfile
def entries(p):
    with zipfile.ZipFile(p) as z:
        return [(i.filename, z.read(i.filename)) for i in z.infolist()]
new, old = sys.argv[1:]
if os.path.exists(old) and entries(new) == entries(old):
    os.remove(new)
else:
    os.replace(new, old)
PY

# Every sheet as shown (filter token 9 = save cell contents as shown,
# token 12 = -1 = every sheet, each to model-SHEET.csv).
csv='csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1'
"${soffice[@]}" --convert-to "$csv" --outdir "$work/csv" data/model.xlsx >/dev/null
rm -rf source/shown && mkdir -p source/shown
for f in "$work"/csv/model-*.csv; do
	mv "$f" "source/shown/${f##*/model-}"
done
