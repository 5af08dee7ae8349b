#!/usr/bin/env bash
# make.sh writes the workbook fixtures of content/workbook into this folder,
# each by a program other than deck: openpyxl.xlsx by openpyxl; calc.xlsx,
# old.xls and password.xlsx by LibreOffice Calc from calc.fods (the last
# through UNO: Debian's msoffcrypto-tool 5.0.0 cannot encrypt); and
# LibreOffice's as-shown CSV of every sheet of the two .xlsx files, the
# oracle of what each cell displays. See README.md.
#
# Needs (Debian): python3-openpyxl, libreoffice-calc-nogui (which brings
# python3-uno), and python3-msoffcrypto-tool to compare password.xlsx.
# Runs from any folder; running it again leaves the same bytes.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
py=/usr/bin/python3 # Debian's python, which has openpyxl (a pyenv python3 on PATH may not)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# A private LibreOffice profile: no interference with a running LibreOffice
# or another conversion, and the same (default) settings every time.
soffice=(soffice --headless --norestore "-env:UserInstallation=file://$work/profile")

cd "$here"

# a. openpyxl.xlsx: formulas without saved values, dates, hidden row and column, a merge.
"$py" make_openpyxl.py openpyxl.xlsx

# b, c. calc.xlsx and old.xls (Excel 97-2003), saved by LibreOffice Calc from calc.fods.
"${soffice[@]}" --convert-to xlsx --outdir "$work/out" calc.fods >/dev/null
"${soffice[@]}" --convert-to xls --outdir "$work/out" calc.fods >/dev/null
"$py" keep_if_same.py "$work/out/calc.xlsx" calc.xlsx
mv "$work/out/calc.xls" old.xls # the same bytes each time

# d. password.xlsx: calc.fods saved by LibreOffice Calc as .xlsx encrypted
# (ECMA-376 Standard encryption) with the password "deck".
"$py" make_password.py "$work/profile-password" calc.fods "$work/password.xlsx" deck
"$py" keep_if_same.py "$work/password.xlsx" password.xlsx deck

# e. The oracle: every sheet as LibreOffice shows it, as CSV. The filter's
# tokens: 44 = comma, 34 = double quote, 76 = UTF-8, 1 = start at line 1,
# (cell formats), 0 = language, false = don't quote every text cell,
# true = detect special numbers, true = save cell contents as shown,
# false = don't export formulas, false = don't trim spaces, -1 = every
# sheet, each to FILE-SHEETNAME.csv.
csv='csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1'
rm -f ./*.shown.csv
for book in openpyxl calc; do
	mkdir -p "$work/csv"
	"${soffice[@]}" --convert-to "$csv" --outdir "$work/csv" "$book.xlsx" >/dev/null
	for f in "$work/csv/$book"-*.csv; do
		sheet=${f##*/"$book"-}
		sheet=${sheet%.csv}
		mv "$f" "$book.$sheet.shown.csv"
	done
	rm -rf "$work/csv"
done

