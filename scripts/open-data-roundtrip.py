"""The XLSX and JSON downloads of every resource of a data package hold the same rows
as its CSV, typed by its schema (used by scripts/validate-open-data).

    python3 scripts/open-data-roundtrip.py SITE/data
"""
import csv
import datetime
import decimal
import json
import pathlib
import sys

import openpyxl

FORMULA = ("=", "+", "-", "@", "\t", "\r")


def canonical(value):
    """A cell as the CSV writes it: dates YYYY-MM-DD, numbers exact, None as empty."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime.datetime):
        return value.date().isoformat()
    if isinstance(value, (int, float)):
        return str(decimal.Decimal(str(value)).normalize()) if isinstance(value, float) else str(value)
    return str(value)


def parsed(text):
    """A list or record cell's JSON text as a value; None for an empty cell."""
    return json.loads(text) if text not in (None, "") else None


def csv_cell(text, value):
    """The CSV's text, with the leading ' of a neutralised formula cell taken off."""
    if text.startswith("'") and isinstance(value, str) and value.startswith(FORMULA):
        return text[1:]
    return text


def check(folder, resource):
    name = resource["name"]
    fields = resource["schema"]["fields"]
    names = [field["name"] for field in fields]
    with open(folder / resource["path"], encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    header, body = rows[0], rows[1:]
    problems = [] if header == names else [f"{name}.csv header {header}"]
    records = json.loads((folder / f"{name}.json").read_text(encoding="utf-8"))
    sheet = openpyxl.load_workbook(folder / f"{name}.xlsx").active
    cells = list(sheet.iter_rows(values_only=True))[1:]
    if not (len(body) == len(records) == len(cells)):
        return problems + [f"{name}: {len(body)} CSV rows, {len(records)} JSON, {len(cells)} XLSX"]
    for number, (row, record, cell_row) in enumerate(zip(body, records, cells), start=2):
        for index, field in enumerate(fields):
            value, cell = record[field["name"]], cell_row[index] if index < len(cell_row) else None
            expected = csv_cell(row[index], value)
            if field["type"] in ("array", "object"):
                # A list or record is JSON text in the CSV and XLSX cells, a value in the JSON.
                same = parsed(row[index]) == value == parsed(cell)
            else:
                same = canonical(value) == expected == canonical(cell)
            if not same:
                problems.append(f"{name} row {number} {field['name']}: CSV {row[index]!r}, JSON {value!r}, XLSX {cell!r}")
            kind = field["type"]
            if cell is not None and (
                (kind == "date" and not isinstance(cell, datetime.datetime))
                or (kind in ("integer", "number") and not isinstance(cell, (int, float)))
                or (kind == "string" and not isinstance(cell, str))
            ):
                problems.append(f"{name} row {number} {field['name']}: XLSX cell {cell!r} is not a {kind}")
    return problems


def main():
    folder = pathlib.Path(sys.argv[1])
    package = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    problems = []
    for resource in package["resources"]:
        problems += check(folder, resource)
    for problem in problems:
        print("FAILED:", problem, file=sys.stderr)
    rows = "; ".join(f"{r['name']}" for r in package["resources"])
    print(f"open data: {len(package['resources'])} datasets ({rows}): CSV, JSON and XLSX agree" if not problems else "")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
