#!/usr/bin/python3
"""Writes openpyxl.xlsx, a workbook as a program other than Excel writes it.

Run by make.sh with Debian's /usr/bin/python3 and python3-openpyxl.
openpyxl writes formulas without a saved (cached) value: a reader must
compute them or refuse them. The zip's dates and the document's dates are
fixed, so that running the script again writes the same bytes.
"""

import datetime
import io
import sys
import zipfile

import openpyxl

FIXED = datetime.datetime(2024, 1, 1, 0, 0, 0)


def market(ws):
    """Sheet 市场规模: sizes '#,##0', growth as formulas '0.0%'."""
    ws.append(["年份", "中国金融云市场规模（亿元）", "增速"])
    sizes = [394, 507, 652, 838, 1078]
    for i, size in enumerate(sizes):
        row = 2 + i
        ws.cell(row=row, column=1, value=2021 + i)
        ws.cell(row=row, column=2, value=size).number_format = "#,##0"
        if i > 0:
            c = ws.cell(row=row, column=3, value="=B%d/B%d-1" % (row, row - 1))
            c.number_format = "0.0%"


def policies(ws):
    """Sheet 政策: real dates, 'yyyy/mm' and one 'yyyy"年"m"月"'."""
    ws.append(["时间", "政策文件"])
    rows = [
        (datetime.datetime(2022, 1, 4), 'yyyy"年"m"月"', "金融科技发展规划（2022—2025年）"),
        (datetime.datetime(2022, 1, 26), "yyyy/mm", "关于银行业保险业数字化转型的指导意见"),
        (datetime.datetime(2023, 2, 27), "yyyy/mm", "数字中国建设整体布局规划"),
    ]
    for i, (when, fmt, title) in enumerate(rows):
        c = ws.cell(row=2 + i, column=1, value=when)
        c.number_format = fmt
        ws.cell(row=2 + i, column=2, value=title)


def layout(ws):
    """Sheet layout: hidden row 4, hidden column E, merged B3:C3, empty B5."""
    ws.append(["项目", "数值", "金额", "比例", "内部", "排名"])
    rows = [
        ["甲", 12.34, 1234.5, 0.35, "隐藏列", 1],
        ["乙", 56.7, None, 0.5, "隐藏列", 2],
        ["丙", 99.9, 9999, 0.99, "隐藏行", 3],
        ["丁", None, 2000, 0.12, "隐藏列", 4],
        ["戊", 7, 1234567.891, 1, "隐藏列", 5],
    ]
    formats = {2: "0.0", 3: "#,##0.00", 4: "0%"}
    for r, values in enumerate(rows, start=2):
        for col, v in enumerate(values, start=1):
            if v is None:
                continue
            c = ws.cell(row=r, column=col, value=v)
            if col in formats:
                c.number_format = formats[col]
    ws.merge_cells("B3:C3")
    ws.row_dimensions[4].hidden = True
    ws.column_dimensions["E"].hidden = True


def bad(ws):
    """Sheet bad: a numeric column with the text 约652 and the text ６５２."""
    ws.append(["年份", "中国金融云市场规模（亿元）"])
    for i, v in enumerate([394, 507, "约652", "６５２", 1078]):
        ws.cell(row=2 + i, column=1, value=2021 + i)
        c = ws.cell(row=2 + i, column=2, value=v)
        if not isinstance(v, str):
            c.number_format = "#,##0"


def fixed_zip(data):
    """Returns the zip with every entry dated FIXED, in the same order."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as zin, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=FIXED.timetuple()[:6])
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = info.external_attr
            zout.writestr(fixed, zin.read(info.filename))
    return out.getvalue()


def main(path):
    wb = openpyxl.Workbook()
    market(wb.active)
    wb.active.title = "市场规模"
    policies(wb.create_sheet("政策"))
    layout(wb.create_sheet("layout"))
    bad(wb.create_sheet("bad"))
    wb.properties.creator = "deck testdata/make_openpyxl.py"
    wb.properties.created = FIXED
    wb.properties.modified = FIXED
    buf = io.BytesIO()
    wb.save(buf)
    with open(path, "wb") as f:
        f.write(fixed_zip(buf.getvalue()))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "openpyxl.xlsx")
