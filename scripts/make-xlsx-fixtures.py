#!/usr/bin/env python3
"""Writes the workbook fixtures of the tests (Tests/QingshanKitTests/Fixtures/workbooks/)
with openpyxl and XlsxWriter, two real spreadsheet writers (openpyxl writes inline
strings, XlsxWriter shared strings as Excel does), so the reader is tested on what programs write
rather than on XML composed by hand. The .xlsx files are committed: tests need no Python.

    pip install openpyxl xlsxwriter    # openpyxl 3.1 or later (rich text)
    python3 scripts/make-xlsx-fixtures.py
    python3 scripts/make-xlsx-fixtures.py libreoffice   # only villages-libreoffice.xlsx

villages-libreoffice.xlsx is the village tracker written by openpyxl and then re-saved by
LibreOffice (`soffice --headless --convert-to xlsx`; Debian: libreoffice-calc-nogui), as an
editor who opens the file in LibreOffice and saves it would. LibreOffice stamps the time
into the file, so that one changes on every run; it is made only when soffice is found.

openpyxl keeps no cached values for formulas (it never calculates); Excel, WPS and
LibreOffice do, so `with_cached_values` writes them into the saved XML as those programs
would (`<f>…</f><v>…</v>`).
"""
import csv
import datetime
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile

import xlsxwriter

from openpyxl import Workbook
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
from openpyxl.utils.datetime import CALENDAR_MAC_1904

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "Tests/QingshanKitTests/Fixtures/workbooks")
CHINESE_DATE = 'yyyy"年"m"月"d"日"'


def fixed(wb):
    """Deterministic files: the same bytes on every run."""
    when = datetime.datetime(2021, 1, 1)
    wb.properties.created = when
    wb.properties.modified = when
    wb.properties.creator = "make-xlsx-fixtures"
    return wb


def save(wb, name):
    path = os.path.join(OUT, name)
    wb.save(path)
    # openpyxl stamps the modification time into docProps/core.xml on save and the ZIP
    # entries carry the current time: rewrite both so the file does not change between runs.
    rewrite(path, lambda part, data: re.sub(rb"<dcterms:modified[^<]*</dcterms:modified>", b'<dcterms:modified xsi:type="dcterms:W3CDTF">2021-01-01T00:00:00Z</dcterms:modified>', data) if part == "docProps/core.xml" else data)


def rewrite(path, change):
    with zipfile.ZipFile(path) as source:
        parts = [(info.filename, change(info.filename, source.read(info.filename))) for info in source.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts:
            info = zipfile.ZipInfo(name, date_time=(2021, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(info, data)


def with_cached_values(path, values):
    """`values`: cell reference -> (cached value, type or None)."""
    def change(part, data):
        if not part.startswith("xl/worksheets/"):
            return data
        for ref, (value, kind) in values.items():
            pattern = rb'<c r="%s"([^>]*)><f>([^<]*)</f><v\s*/?>(</v>)?</c>' % ref.encode()
            t = b' t="%s"' % kind.encode() if kind else b""
            data = re.sub(pattern, lambda m: b'<c r="%s"%s%s><f>%s</f><v>%s</v></c>' % (ref.encode(), m.group(1), t, m.group(2), value.encode()), data)
        return data
    rewrite(path, change)


def village_rows():
    with open(os.path.join(ROOT, "Tests/QingshanKitTests/Fixtures/sites/everything/content/data/villages.csv"), encoding="utf-8-sig") as f:
        return list(csv.reader(f))


VILLAGE_TITLES = ["村庄代码", "村名", "区县（市）", "乡镇", "整治状态", "生活污水治理", "垃圾收运处置", "厕所改造", "黑臭水体整治", "村容村貌", "投资", "完成进度", "更新日期"]


def villages_libreoffice():
    """The village tracker written by openpyxl (inline strings), then opened and saved by
    LibreOffice Calc, which rewrites it its own way: shared strings, its own styles, the
    Chinese date format as `yyyy\\年m\\月d\\日` or `[$-804]…`."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        print("soffice not found: villages-libreoffice.xlsx left as it is", file=sys.stderr)
        return
    rows = village_rows()
    wb = fixed(Workbook())
    ws = wb.active
    ws.title = "村庄名单"
    ws.append(["2021年农村环境综合整治村庄（样例数据）"])
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(VILLAGE_TITLES))
    ws.append(VILLAGE_TITLES)
    for code, name, *texts, budget, progress, updated in rows[1:]:
        ws.append([int(code), name, *texts, float(budget), int(progress), datetime.date.fromisoformat(updated)])
        ws.cell(row=ws.max_row, column=13).number_format = CHINESE_DATE
    wb.create_sheet("说明").append(["样例数据，待市生态环境局提供正式名单后替换。"])
    with tempfile.TemporaryDirectory() as work:
        source = os.path.join(work, "openpyxl", "villages-libreoffice.xlsx")
        os.makedirs(os.path.dirname(source))
        wb.save(source)
        # A profile of its own, so a running LibreOffice or a missing home folder does not interfere.
        profile = "file://" + os.path.join(work, "profile")
        subprocess.run([soffice, "-env:UserInstallation=" + profile, "--headless", "--convert-to", "xlsx", "--outdir", work, source],
                       check=True, stdout=subprocess.DEVNULL)
        shutil.copyfile(os.path.join(work, "villages-libreoffice.xlsx"), os.path.join(OUT, "villages-libreoffice.xlsx"))


def villages():
    """The bundled village tracker as officials keep it, written with XlsxWriter (shared
    strings, as Excel writes them): a merged title row above a header of column titles,
    codes typed as numbers, dates in the Chinese format, one name in rich text, a notes sheet."""
    rows = village_rows()
    titles = VILLAGE_TITLES
    path = os.path.join(OUT, "villages.xlsx")
    wb = xlsxwriter.Workbook(path)
    wb.set_properties({"created": datetime.datetime(2021, 1, 1), "author": "make-xlsx-fixtures"})
    ws = wb.add_worksheet("村庄名单")
    date = wb.add_format({"num_format": CHINESE_DATE})
    bold = wb.add_format({"bold": True})
    ws.merge_range(0, 0, 0, len(titles) - 1, "2021年农村环境综合整治村庄（样例数据）")
    ws.write_row(1, 0, titles)
    for index, row in enumerate(rows[1:]):
        r = index + 2
        code, name, *texts, budget, progress, updated = row
        ws.write_number(r, 0, int(code))
        if index == 0:
            ws.write_rich_string(r, 1, bold, name[:2], name[2:])
        else:
            ws.write_string(r, 1, name)
        ws.write_row(r, 2, texts)
        ws.write_number(r, 10, float(budget))
        ws.write_number(r, 11, int(progress))
        ws.write_datetime(r, 12, datetime.datetime.fromisoformat(updated), date)
    notes = wb.add_worksheet("说明")
    notes.write_string(0, 0, "样例数据，待市生态环境局提供正式名单后替换。")
    wb.close()
    rewrite(path, lambda part, data: data)


def cells():
    """One sheet using every kind of cell the reader knows."""
    wb = fixed(Workbook())
    ws = wb.active
    ws.title = "数据"
    ws.append(["code", "name", "kind", "built_in", "chinese", "escaped", "locale", "slashes", "rate", "done", "total", "note"])
    rich = CellRichText([TextBlock(InlineFont(b=True), "样例"), "村"])
    ws.append([511702001001, rich, "在建", datetime.date(2021, 3, 5), datetime.date(2021, 4, 1), datetime.date(2021, 12, 31),
               datetime.date(2020, 2, 29), datetime.date(2021, 6, 25), 0.63, True, "=K3+K4", "Alt+Enter\n第二行"])
    ws.append([511702001002, "样例村02", "已完工", datetime.date(1900, 1, 1), datetime.date(1900, 3, 1), None, None, None, 1, False, 10.5, None])
    ws.append([511702001003, "样例村03", "已完工", None, None, None, None, None, 0.125, None, 20, "  spaced  "])
    formats = {"D": "mm-dd-yy", "E": CHINESE_DATE, "F": "yyyy\\年m\\月d\\日", "G": "[$-804]yyyy/mm/dd", "H": "yyyy/mm/dd", "I": "0%"}
    for column, code in formats.items():
        for row in range(2, 5):
            ws[f"{column}{row}"].number_format = code
    ws["I4"].number_format = "0.0%"
    save(wb, "cells.xlsx")
    with_cached_values(os.path.join(OUT, "cells.xlsx"), {"K2": ("30.5", None)})


def problems():
    """Every cell problem in one sheet, for the messages and their positions."""
    wb = fixed(Workbook())
    ws = wb.active
    ws.title = "村庄名单"
    ws.append(["id", "name", "budget", "ratio", "updated"])
    ws.append([511702001001, "样例村01", "七十", "=1/0", datetime.date(2021, 6, 25)])
    ws.append([1234567890123456, "样例村02", 12.5, "#N/A", 44287])
    ws.append([511702001003, "样例村03", 3, 1, datetime.date(2021, 6, 25), "多余"])
    ws.append([511702001004, "合并", None, 2, datetime.date(2021, 6, 25)])
    ws.merge_cells("B5:C5")
    ws.append([511702001005, "隐藏", 4, 3, datetime.date(2021, 6, 26)])
    ws.row_dimensions[6].hidden = True
    for row in (2, 4, 5, 6):  # E3 stays General: a bare serial number, as after a paste
        ws[f"E{row}"].number_format = "yyyy-mm-dd"
    ws["D3"].data_type = "e"
    save(wb, "problems.xlsx")
    with_cached_values(os.path.join(OUT, "problems.xlsx"), {"D2": ("#DIV/0!", "e")})


def mac1904():
    """The 1904 date system (old Mac workbooks): serial 0 is 1904-01-01."""
    wb = fixed(Workbook())
    wb.epoch = CALENDAR_MAC_1904
    ws = wb.active
    ws.title = "Sheet1"
    ws.append(["day"])
    ws.append([datetime.date(2021, 3, 5)])
    ws["A2"].number_format = "yyyy-mm-dd"
    save(wb, "date1904.xlsx")


def sheets():
    """Choosing a sheet: a visible first sheet, a hidden second one, a third by number."""
    wb = fixed(Workbook())
    first = wb.active
    first.title = "封面"
    first.append(["说明"])
    hidden = wb.create_sheet("村庄名单")
    hidden.append(["name"])
    hidden.append(["样例村01"])
    hidden.sheet_state = "hidden"
    third = wb.create_sheet("第三")
    third.append(["name"])
    third.append(["样例村03"])
    save(wb, "sheets.xlsx")


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    if sys.argv[1:] == ["libreoffice"]:
        villages_libreoffice()
        sys.exit(0)
    villages()
    cells()
    problems()
    mac1904()
    sheets()
    villages_libreoffice()
