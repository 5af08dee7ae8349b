#!/usr/bin/python3
# make.py writes data/quarterly.xlsx, the workbook deck.yaml reads: the
# quarterly figures of an imaginary bank (示意数据) as an analyst's sheets
# hold them, values with their number formats (no formulas).
# Needs Debian's python3-openpyxl: /usr/bin/python3 make.py
import datetime, os, zipfile
from openpyxl import Workbook
from openpyxl.styles import Font

quarters = ["23Q3", "23Q4", "24Q1", "24Q2", "24Q3"]
wb = Workbook()

def sheet(title, header, rows, formats, first=False):
    ws = wb.active if first else wb.create_sheet()
    ws.title = title
    ws.append(header)
    for c in ws[1]:
        c.font = Font(bold=True)
    for r in rows:
        ws.append(r)
    for row in ws.iter_rows(min_row=2):
        for c, fmt in zip(row[1:], formats):
            c.number_format = fmt
    return ws

sheet("营收", ["季度", "净利息收入", "非利息收入"],
      [[q, a, b] for q, a, b in zip(quarters, [1012.4, 998.7, 986.3, 979.8, 983.5], [310.2, 276.9, 352.4, 341.7, 356.8])],
      ["#,##0.0", "#,##0.0"], first=True)
sheet("息差", ["季度", "净息差"],
      [[q, v] for q, v in zip(quarters, [0.0184, 0.0181, 0.0176, 0.0172, 0.0170])], ["0.00%"])
sheet("资产质量", ["季度", "不良贷款率", "拨备覆盖率"],
      [[q, a, b] for q, a, b in zip(quarters, [0.0136, 0.0135, 0.0134, 0.0133, 0.0132], [2.452, 2.418, 2.436, 2.447, 2.461])],
      ["0.00%", "0.0%"])
sheet("主要指标", ["指标（亿元）", "2023年前三季度", "2024年前三季度", "同比"],
      [["营业收入", 3925.6, 4000.5, 0.019],
       ["净利息收入", 3047.3, 2949.6, -0.032],
       ["非利息收入", 878.3, 1050.9, 0.197],
       ["业务及管理费", 1201.4, 1189.2, -0.010],
       ["信用减值损失", 806.5, 770.1, -0.045],
       ["归母净利润", 1540.8, 1568.3, 0.018]],
      ["#,##0.0", "#,##0.0", "0.0%;-0.0%"])

os.makedirs("data", exist_ok=True)
wb.properties.created = wb.properties.modified = datetime.datetime(2024, 10, 30)
tmp = "data/quarterly.tmp.xlsx"
wb.save(tmp)
# Fixed dates inside the zip, so that running it again gives the same bytes.
with zipfile.ZipFile(tmp) as src, zipfile.ZipFile("data/quarterly.xlsx", "w", zipfile.ZIP_DEFLATED) as dst:
    for info in src.infolist():
        info.date_time = (2024, 10, 30, 0, 0, 0)
        dst.writestr(info, src.read(info.filename))
os.remove(tmp)
