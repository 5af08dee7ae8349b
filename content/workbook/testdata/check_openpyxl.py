#!/usr/bin/python3
"""Prints what openpyxl reads from the fixtures, as a check made by a reader
that deck did not write: each cell's stored value with data_only=False (a
formula's text), the saved value with data_only=True (None when the formula
has no saved value), its number format, and the hidden rows, hidden
columns and merged ranges of each sheet. Usage: check_openpyxl.py [FILE...]
"""

import os
import sys

import openpyxl


def check(path):
    formulas = openpyxl.load_workbook(path, data_only=False)
    values = openpyxl.load_workbook(path, data_only=True)
    print("== %s: sheets %s" % (os.path.basename(path), formulas.sheetnames))
    for ws in formulas.worksheets:
        saved = values[ws.title]
        hidden_rows = sorted(r for r, d in ws.row_dimensions.items() if d.hidden)
        hidden_cols = sorted(c for c, d in ws.column_dimensions.items() if d.hidden)
        print("-- [%s] dimension %s, hidden rows %s, hidden columns %s, merged %s" % (
            ws.title, ws.dimensions, hidden_rows, hidden_cols,
            [str(m) for m in ws.merged_cells.ranges]))
        for row in ws.iter_rows():
            for c in row:
                if c.value is None:
                    continue
                v = saved[c.coordinate].value
                print("%s!%s\t%r\tsaved=%r\tformat=%r" % (
                    ws.title, c.coordinate, c.value, v, c.number_format))


if __name__ == "__main__":
    here = os.path.dirname(os.path.abspath(__file__))
    for path in sys.argv[1:] or [os.path.join(here, f) for f in ("openpyxl.xlsx", "calc.xlsx")]:
        check(path)
