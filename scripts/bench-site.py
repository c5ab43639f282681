#!/usr/bin/env python3
"""Synthetic benchmark sites for scripts/bench (issue 8), standard library only.

    bench-site.py generate --pages N --out DIR [--seed 8] [--qingshan BIN]
        writes DIR/qingshan (a Qingshan site root) and DIR/hugo (a Hugo site)
        from the same pseudo-random Markdown pages; identical bytes for the
        same N and seed. With --qingshan, BIN records a data snapshot of an
        earlier publication (`qingshan snapshot --date 2021-06-30`, one
        village in ten with less progress and budget then), so the builds
        also make 本期变化 and each village's record history.
    bench-site.py report RESULTS.tsv [MORE.tsv ...]
        prints one table per N (medians, min–max, ratios against issue 21's
        targets), the growth exponents between sizes and the callgrind counts
        from the raw rows that scripts/bench appends: (size, scenario, tool,
        run, seconds, KiB) per timed run, (size, scenario, "instructions", Ir).

The Qingshan site: N pages over five sections (each with an index.md), a home
page, search and 404 pages, `content/data/villages.csv` with N/10 rows and its
Table Schema (plus the 12-row `units` dataset its foreign key points to), a
collection making one page per village, one page in 50 carrying a data
block (`table`, `chart` or `progress`), `projects.xlsx` (a workbook of N/20
rows, written here with the standard library, its sheet named in the schema)
shown on the villages page, and `openData` (every dataset published as CSV,
XLSX and JSON with a data package and a catalogue page).

The Hugo site: the same Markdown files (same front matter: title, date, tags,
county), `.md` links rewritten to Hugo's pretty URLs (`../p-00012/`), since
Hugo 0.111 passes `.md` links through unresolved and has no link render hook
built in; `refLinksErrorLevel` only concerns `ref`/`relref`. One Markdown page
per village row (a two-column table) stands in for the collection, so both
tools render the same number of pages. Taxonomies, RSS, sitemap and robots.txt
are disabled: Qingshan makes none of them. Data blocks stay fenced code blocks
in Hugo (it has no equivalent): that is the part of the work only Qingshan does,
along with link checking, the offline audit and the search index.
"""

import argparse
import os
import random
import math
import shutil
import subprocess
import statistics
import sys
import zipfile
from collections import defaultdict
from xml.sax.saxutils import escape

SECTIONS = [
    ("reports", "监测报告 Reports"),
    ("news", "工作动态 News"),
    ("policy", "政策文件 Policy"),
    ("counties", "区县工作 Counties"),
    ("notes", "技术笔记 Notes"),
]

COUNTIES = ["通川区", "达川区", "宣汉县", "开江县", "大竹县", "渠县", "万源市",
            "万州区", "开州区", "梁平区", "垫江县", "城口县"]
STATUS = ["未开工", "在建", "已完工", "已验收"]
TAGS = ["大气", "水环境", "土壤", "固废", "生态修复", "监测", "执法", "river",
        "air-quality", "funding", "rural", "monitoring"]

ZH = ["生态环境", "协同发展", "联防联控", "跨界流域", "水质监测", "大气污染",
      "示范区建设", "农村环境整治", "项目资金", "督导帮扶", "突发环境事件",
      "污水处理厂", "垃圾收运", "黑臭水体", "空气质量", "铜钵河", "备忘录",
      "工作机制", "信息共享", "应急演练", "排查整改", "区县（市）", "年度目标",
      "按期完成", "持续改善", "重点任务", "统筹推进", "高质量发展", "绿色转型"]
ZH_GLUE = ["的", "和", "与", "推进", "加强", "完善", "落实", "开展", "建立", "实现"]
EN = ["the", "river", "basin", "monitoring", "station", "report", "quarterly",
      "joint", "enforcement", "air", "quality", "index", "county", "budget",
      "project", "water", "treatment", "plant", "village", "progress", "data",
      "survey", "sample", "target", "emission", "review", "field", "team"]
CODE = ["PM2.5", "COD", "NH3-N", "AQI", "site.yaml", "villages.csv", "GB 3838-2002",
        "pH 6-9", "DO ≥ 5 mg/L", "qingshan build"]


class Prose:
    def __init__(self, rng):
        self.rng = rng

    def zh_sentence(self):
        r = self.rng
        parts = []
        for _ in range(r.randint(3, 7)):
            parts.append(r.choice(ZH))
            parts.append(r.choice(ZH_GLUE))
        parts[-1] = r.choice(["。", "；", "，" + r.choice(ZH) + "。"])
        if r.random() < 0.3:
            parts.insert(r.randint(1, len(parts) - 1), f"{r.randint(2, 98)}个")
        return "".join(parts)

    def en_sentence(self):
        r = self.rng
        words = [r.choice(EN) for _ in range(r.randint(6, 14))]
        words[0] = words[0].capitalize()
        return " ".join(words) + "."

    def inline(self, text):
        """Sprinkle emphasis, strong and code spans over a sentence."""
        r = self.rng
        roll = r.random()
        if roll < 0.2:
            return f"**{text[:-1]}**{text[-1]}"
        if roll < 0.35:
            return f"*{text[:-1]}*{text[-1]}"
        if roll < 0.5:
            return f"{text} 指标 `{r.choice(CODE)}` 按月报送。"
        return text

    def paragraph(self, link=None):
        r = self.rng
        sentences = []
        for _ in range(r.randint(2, 5)):
            s = self.zh_sentence() if r.random() < 0.7 else self.en_sentence()
            sentences.append(self.inline(s))
        if link:
            sentences.insert(r.randint(0, len(sentences)), link)
        return "".join(s if s.endswith("。") else s + " " for s in sentences).strip()


def page_id(i):
    return f"p-{i:05d}"


def section_of(i):
    return SECTIONS[i % len(SECTIONS)][0]


def q_link(src, dst):
    """Link from page src to page dst as Qingshan wants it: the Markdown file."""
    if section_of(src) == section_of(dst):
        return f"{page_id(dst)}.md"
    return f"../{section_of(dst)}/{page_id(dst)}.md"


def h_link(src, dst):
    """The same link for Hugo: pretty URL relative to src's own folder."""
    if section_of(src) == section_of(dst):
        return f"../{page_id(dst)}/"
    return f"../../{section_of(dst)}/{page_id(dst)}/"


def data_block(rng, k):
    county = COUNTIES[k % len(COUNTIES)]
    kind = ("table", "chart", "progress")[k % 3]
    if kind == "table":
        return (f"```table\nsource: villages\ntitle: {county}整治村庄\n"
                f"columns: [name, town, status, budget, progress]\n"
                f"filter: {{county: {county}}}\nsort: -budget\nlimit: 20\n```")
    if kind == "chart":
        return ("```chart\nsource: villages\ntype: stacked-bar\n"
                "title: 各区县（市）村庄整治状态\nx: county\nseries: status\naggregate: count\n```")
    return ("```progress\nsource: villages\ntitle: 各区县（市）整治完成率\ngroupBy: county\n"
            "done: {status: [已完工, 已验收]}\n```")


def make_page(rng, i, n):
    """One page: returns (front matter lines, body with Qingshan links, body with Hugo links)."""
    prose = Prose(rng)
    target = rng.randint(2000, 6000)
    date = f"20{rng.randint(19, 24)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    tags = sorted(set(rng.sample(TAGS, rng.randint(1, 3))))
    county = rng.choice(COUNTIES)
    title = f"{rng.choice(ZH)}{rng.choice(ZH_GLUE)}{rng.choice(ZH)} {i}"
    front = [f"title: {title}", f"date: {date}",
             f"tags: [{', '.join(tags)}]", f"county: {county}"]
    # Blocks are built as lists of (qingshan text, hugo text) so both sites
    # get the same bytes apart from the link targets.
    blocks = []
    size = 0
    heading = 0

    def link():
        dst = rng.randrange(n)
        while dst == i:
            dst = rng.randrange(n)
        label = f"{rng.choice(ZH)} {page_id(dst)}"
        return (f"[{label}]({q_link(i, dst)})", f"[{label}]({h_link(i, dst)})")

    def add(q, h=None):
        nonlocal size
        blocks.append((q, q if h is None else h))
        size += len(q.encode())

    add(prose.paragraph())
    if i % 50 == 7:
        add(data_block(rng, i // 50))
    while size < target - 700:
        heading += 1
        level = "##" if heading % 3 != 0 else "###"
        add(f"{level} {rng.choice(ZH)}{heading}：{rng.choice(EN)} {rng.choice(EN)}")
        q, h = link()
        marker = "QSLINK"
        para = prose.paragraph(link=marker)
        add(para.replace(marker, q), para.replace(marker, h))
        roll = rng.random()
        if roll < 0.35:
            items = [prose.inline(prose.zh_sentence()) for _ in range(rng.randint(3, 6))]
            bullet = "-" if rng.random() < 0.6 else "1."
            add("\n".join(f"{bullet} {it}" for it in items))
        elif roll < 0.55:
            add("> " + prose.paragraph() + "\n>\n> —— " + rng.choice(ZH))
        elif roll < 0.65:
            add("```\n" + "\n".join(f"{rng.choice(CODE)} = {rng.randint(1, 999)}" for _ in range(4)) + "\n```")
        add(prose.paragraph())
    q_body = "\n\n".join(b[0] for b in blocks) + "\n"
    h_body = "\n\n".join(b[1] for b in blocks) + "\n"
    return front, q_body, h_body


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def village_rows(rng, count):
    rows = []
    for k in range(count):
        c = k % len(COUNTIES)
        vid = f"5117{c:02d}{k // 100:03d}{k % 100:03d}"
        status = rng.choice(STATUS)
        parts = [rng.choice(STATUS) for _ in range(5)]
        rows.append([vid, f"样例村{k + 1:05d}", COUNTIES[c], f"示例{(k // 12) % 9 + 1}镇", status, *parts,
                     f"{rng.randint(100, 2000) / 10:.1f}", str(rng.choice([0, 20, 40, 60, 80, 100])),
                     f"2021-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"])
    return rows


VILLAGE_HEADER = ["id", "name", "county", "town", "status", "sewage", "garbage",
                  "toilets", "water", "appearance", "budget", "progress", "updated"]
VILLAGE_TITLES = ["村庄代码", "村名", "区县（市）", "乡镇", "整治状态", "生活污水治理", "垃圾收运处置",
                  "厕所改造", "黑臭水体整治", "村容村貌", "投资（万元）", "完成进度（%）", "更新日期"]

VILLAGE_SCHEMA = """title: 整治村庄（基准测试合成数据）
description: scripts/bench-site.py 生成的合成数据。
sample: true
fields:
  - {name: id, title: 村庄代码, constraints: {required: true, unique: true, pattern: "[0-9]{12}"}}
  - {name: name, title: 村名, constraints: {required: true}}
  - {name: county, title: 区县（市）, constraints: {required: true}}
  - {name: town, title: 乡镇, constraints: {required: true}}
  - {name: status, title: 整治状态, constraints: {required: true, enum: [未开工, 在建, 已完工, 已验收]}}
  - {name: sewage, title: 生活污水治理, constraints: {required: true, enum: [未开工, 在建, 已完工, 已验收]}}
  - {name: garbage, title: 垃圾收运处置, constraints: {required: true, enum: [未开工, 在建, 已完工, 已验收]}}
  - {name: toilets, title: 厕所改造, constraints: {required: true, enum: [未开工, 在建, 已完工, 已验收]}}
  - {name: water, title: 黑臭水体整治, constraints: {required: true, enum: [未开工, 在建, 已完工, 已验收]}}
  - {name: appearance, title: 村容村貌, constraints: {required: true, enum: [未开工, 在建, 已完工, 已验收]}}
  - {name: budget, title: 投资, type: number, unit: 万元, decimals: 1, constraints: {required: true, minimum: 0}}
  - {name: progress, title: 完成进度, type: integer, unit: "%", constraints: {required: true, minimum: 0, maximum: 100}}
  - {name: updated, title: 更新日期, type: date, constraints: {required: true, minimum: 2021-01-01}}
primaryKey: id
foreignKeys:
  - fields: county
    reference: {resource: units, fields: name}
"""

PROJECT_TITLES = ["项目编号", "项目名称", "区县（市）", "类别", "总投资"]
PROJECT_SCHEMA = """title: 治理项目（基准测试合成数据）
sample: true
dialect: {sheetName: 项目清单}
fields:
  - {name: code, title: 项目编号, constraints: {required: true, unique: true}}
  - {name: name, title: 项目名称, constraints: {required: true}}
  - {name: county, title: 区县（市）, constraints: {required: true}}
  - {name: category, title: 类别, constraints: {required: true, enum: [水环境, 大气, 土壤, 固废]}}
  - {name: investment, title: 总投资, type: number, unit: 万元, decimals: 1, constraints: {required: true, minimum: 0}}
primaryKey: code
"""


def project_rows(rng, count):
    return [[f"XM{k + 1:05d}", f"{rng.choice(ZH)}项目{k + 1}", COUNTIES[k % len(COUNTIES)],
             rng.choice(["水环境", "大气", "土壤", "固废"]), rng.randint(100, 90000) / 10] for k in range(count)]


def write_workbook(path, sheet, header, rows):
    """A minimal .xlsx (one sheet, inline strings, numbers), as openpyxl writes text cells;
    fixed timestamps, so the bytes are the same on every run."""
    def column(i):
        name = ""
        i += 1
        while i:
            i, r = divmod(i - 1, 26)
            name = chr(65 + r) + name
        return name

    def cell(ref, value):
        if isinstance(value, (int, float)):
            return f'<c r="{ref}"><v>{value}</v></c>'
        return f'<c r="{ref}" t="inlineStr"><is><t>{escape(str(value))}</t></is></c>'

    lines = []
    for r, row in enumerate([header] + rows, start=1):
        lines.append(f'<row r="{r}">' + "".join(cell(f"{column(c)}{r}", v) for c, v in enumerate(row)) + "</row>")
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    parts = {
        "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        '</Types>',
        "_rels/.rels": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="{main}" xmlns:r="{rel}">'
        f'<sheets><sheet name="{escape(sheet)}" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
        "xl/worksheets/sheet1.xml": f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="{main}">'
        f'<sheetData>{"".join(lines)}</sheetData></worksheet>',
    }
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in parts.items():
            z.writestr(zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0)), text.encode("utf-8"), zipfile.ZIP_DEFLATED)


HUGO_CONFIG = """baseURL = "/"
title = "青山基准站点"
languageCode = "zh-CN"
relativeURLs = true
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT"]
enableRobotsTXT = false
[markup.goldmark.renderer]
  unsafe = false
[markup.tableOfContents]
  startLevel = 2
  endLevel = 3
  ordered = true
"""

HUGO_BASEOF = """<!doctype html>
<html lang="zh-CN">
<head><meta charset="utf-8"><title>{{ .Title }} - {{ .Site.Title }}</title></head>
<body>
<header><a href="{{ "/" | relURL }}">{{ .Site.Title }}</a>
<nav><ul>{{ $cur := . }}{{ range .Site.Menus.main }}<li><a href="{{ .URL | relURL }}"{{ if $cur.IsMenuCurrent "main" . }} aria-current="page"{{ end }}>{{ .Name }}</a></li>{{ end }}</ul></nav>
</header>
<main>{{ block "main" . }}{{ end }}</main>
<footer>{{ .Site.Title }}</footer>
</body>
</html>
"""

HUGO_SINGLE = """{{ define "main" }}<article>
<h1>{{ .Title }}</h1>
{{ with .Date }}<p><time>{{ .Format "2006-01-02" }}</time></p>{{ end }}
{{ with .Params.tags }}<p>{{ range . }}<span>{{ . }}</span> {{ end }}</p>{{ end }}
{{ .TableOfContents }}
{{ .Content }}
</article>{{ end }}
"""

HUGO_LIST = """{{ define "main" }}<section>
<h1>{{ .Title }}</h1>
{{ .Content }}
<ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Date.Format "2006-01-02" }}</li>{{ end }}</ul>
</section>{{ end }}
"""

HUGO_HOME = """{{ define "main" }}<section>
<h1>{{ .Site.Title }}</h1>
{{ .Content }}
<ul>{{ range .Sections }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> ({{ len .Pages }})</li>{{ end }}</ul>
</section>{{ end }}
"""


def generate(n, out, seed, repo):
    rng = random.Random(seed)
    q = os.path.join(out, "qingshan")
    h = os.path.join(out, "hugo")
    for d in (q, h):
        if os.path.exists(d):
            shutil.rmtree(d)
    shutil.copytree(os.path.join(repo, "site-templates", "default"), os.path.join(q, "site-templates", "default"))

    nav = ["  - {title: 首页, page: index.md}"]
    nav += [f"  - {{title: {title.split()[0]}, page: {slug}/index.md}}" for slug, title in SECTIONS]
    nav += ["  - {title: 村庄, page: villages/index.md}", "  - {title: 搜索, page: search/index.md}"]
    write(os.path.join(q, "content", "site.yaml"), "\n".join([
        "# Generated by scripts/bench-site.py: a synthetic site for scripts/bench.",
        "title: 青山基准站点", "description: 基准测试用的合成站点。", "language: zh-CN", "theme: default",
        "navigation:", *nav,
        "footer:", "  sponsor: 基准测试", "  organizer: 基准测试",
        "openData:", "  name: bench-site", "  license: {name: CC-BY-4.0, path: https://creativecommons.org/licenses/by/4.0/}",
        "  created: 2024-01-01",
        "collections:", "  - dataset: villages", "    path: villages/{id}/index.html",
        "    title: \"{name}\"", "    layout: record", "    parent: villages/index.md", ""]))
    menu = ["[menu]"]
    menu += [f"  [[menu.main]]\n    name = \"{title.split()[0]}\"\n    url = \"/{slug}/\"\n    weight = {k + 1}"
             for k, (slug, title) in enumerate(SECTIONS)]
    menu += ["  [[menu.main]]\n    name = \"村庄\"\n    url = \"/villages/\"\n    weight = 9"]
    write(os.path.join(h, "config.toml"), HUGO_CONFIG + "\n".join(menu) + "\n")
    for name, text in [("baseof", HUGO_BASEOF), ("single", HUGO_SINGLE), ("list", HUGO_LIST)]:
        write(os.path.join(h, "layouts", "_default", f"{name}.html"), text)
    write(os.path.join(h, "layouts", "index.html"), HUGO_HOME)

    qp = os.path.join(q, "content", "pages")
    hp = os.path.join(h, "content")
    prose = Prose(rng)
    home = "---\ntitle: 青山基准站点\nsummary: 合成站点首页。\n---\n\n" + prose.paragraph() + "\n"
    write(os.path.join(qp, "index.md"), home)
    write(os.path.join(hp, "_index.md"), home)
    write(os.path.join(qp, "search", "index.md"), "---\ntitle: 站内搜索\nlayout: search\n---\n\n输入关键词。\n")
    write(os.path.join(qp, "404.md"), "---\ntitle: 找不到页面\nlayout: 404\n---\n\n页面不存在。\n")
    for k, (slug, title) in enumerate(SECTIONS):
        text = f"---\ntitle: {title}\nweight: {k + 1}\n---\n\n" + prose.paragraph() + "\n"
        write(os.path.join(qp, slug, "index.md"), text)
        write(os.path.join(hp, slug, "_index.md"), text)

    for i in range(n):
        front, q_body, h_body = make_page(rng, i, n)
        fm = "---\n" + "\n".join(front) + "\n---\n\n"
        write(os.path.join(qp, section_of(i), page_id(i) + ".md"), fm + q_body)
        write(os.path.join(hp, section_of(i), page_id(i) + ".md"), fm + h_body)

    rows = village_rows(rng, max(1, n // 10))
    data = os.path.join(q, "content", "data")
    write(os.path.join(data, "villages.csv"), "\n".join(",".join(r) for r in [VILLAGE_HEADER] + rows) + "\n")
    write(os.path.join(data, "villages.schema.yaml"), VILLAGE_SCHEMA)
    for name in ("units.yaml", "units.schema.yaml"):
        shutil.copy(os.path.join(repo, "content", "data", name), os.path.join(data, name))
    write_workbook(os.path.join(data, "projects.xlsx"), "项目清单", PROJECT_TITLES, project_rows(rng, max(1, n // 20)))
    write(os.path.join(data, "projects.schema.yaml"), PROJECT_SCHEMA)
    villages = ("---\ntitle: 整治村庄\nweight: 8\n---\n\n" + prose.paragraph() + "\n\n"
                + data_block(rng, 1) + "\n\n" + data_block(rng, 2) + "\n\n"
                + "```table\nsource: villages\ntitle: 全部村庄\ncolumns: [name, county, town, status, budget, progress]\n"
                + "sort: county\n```\n\n"
                + "```chart\nsource: projects\ntype: bar\ntitle: 各区县（市）项目投资\nx: county\n"
                + "aggregate: {sum: investment}\n```\n")
    write(os.path.join(qp, "villages", "index.md"), villages)
    write(os.path.join(hp, "villages", "_index.md"), villages)
    for r in rows:
        table = "| 字段 | 值 |\n|---|---|\n" + "\n".join(f"| {t} | {v} |" for t, v in zip(VILLAGE_TITLES, r))
        write(os.path.join(hp, "villages", r[0] + ".md"), f"---\ntitle: \"{r[1]}\"\n---\n\n{table}\n")


def record_snapshot(q, qingshan):
    """Records the data as an earlier publication showed it: `villages.csv` with one row in
    ten at 20 points less progress and 12.5 less budget, then restores today's file."""
    path = os.path.join(q, "content", "data", "villages.csv")
    today = open(path, encoding="utf-8").read()
    lines = today.split("\n")
    for i in range(3, len(lines), 10):
        if lines[i]:
            cells = lines[i].split(",")
            cells[10] = f"{float(cells[10]) - 12.5:.1f}"
            cells[11] = str(max(0, int(cells[11]) - 20))
            lines[i] = ",".join(cells)
    open(path, "w", encoding="utf-8").write("\n".join(lines))
    try:
        subprocess.run([qingshan, "snapshot", "--root", q, "--date", "2021-06-30", "--note", "基准：上期发布"],
                       check=True, stdout=subprocess.DEVNULL)
    finally:
        open(path, "w", encoding="utf-8").write(today)


# --- report -----------------------------------------------------------------

SCENARIO_ORDER = ["clean", "render", "noop", "edit-page", "edit-row", "server-edit", "serve-page", "serve-row", "parse", "parse-each"]
# The watcher's quiet period before `qingshan serve` rebuilds (RebuildLoop.quietPeriod):
# issue 21 compares edit-to-reload minus it with hugo server's logged render time.
DEBOUNCE = 0.150


def read_results(paths):
    """(size, scenario, tool) -> [(seconds, kib)], and size -> scenario -> instructions."""
    runs = defaultdict(list)
    counts = defaultdict(dict)
    for path in paths:
        with open(path, encoding="utf-8") as f:
            for line in f:
                parts = line.split()
                if len(parts) == 6 and parts[0] != "size":
                    size, scenario, tool, _run, sec, kib = parts
                    runs[(int(size), scenario, tool)].append((float(sec), int(kib)))
                elif len(parts) == 4 and parts[2] == "instructions":
                    counts[int(parts[0])][parts[1]] = int(parts[3])
    return runs, counts


def fmt_t(x):
    if x is None:
        return "—"
    if x < 0.01:
        return f"{x * 1000:.1f} ms"
    return f"{x * 1000:.0f} ms" if x < 10 else f"{x:.1f} s"


def fmt_m(kib):
    return "—" if kib is None else f"{kib / 1024:.0f} MiB"


def slope(points):
    """Least-squares slope of log(value) on log(N): the growth exponent (1 = linear)."""
    points = [(n, v) for n, v in points if v and v > 0]
    if len(points) < 2:
        return None
    xs = [math.log(n) for n, _ in points]
    ys = [math.log(v) for _, v in points]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    den = sum((x - mx) ** 2 for x in xs)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / den if den else None


def report(paths):
    runs, counts = read_results(paths)

    def times(size, scenario, tool):
        return [s for s, _ in runs.get((size, scenario, tool), [])]

    def med(size, scenario, tool, minus=0.0):
        v = times(size, scenario, tool)
        return statistics.median(v) - minus if v else None

    def spread(size, scenario, tool, minus=0.0):
        v = times(size, scenario, tool)
        return f"{fmt_t(min(v) - minus)}–{fmt_t(max(v) - minus)}" if v else ""

    def rss(size, scenario, tool):
        v = runs.get((size, scenario, tool))
        return max(k for _, k in v) if v else None

    sizes = sorted({k[0] for k in runs})
    for n in sizes:
        print(f"### N = {n:,}\n")
        print("| measure | Qingshan median (min–max) | reference median (min–max) | ratio | target | met |")
        print("|---|---:|---:|---:|---|---|")

        def row(name, scen, tool, ref_scen, ref_tool, target=None, limit=None, minus=0.0, absolute=None):
            q = med(n, scen, tool, minus)
            if q is None:
                return
            ref = med(n, ref_scen, ref_tool) if ref_scen else None
            qs = f"{fmt_t(q)} ({spread(n, scen, tool, minus)})"
            rs = f"{fmt_t(ref)} ({spread(n, ref_scen, ref_tool)})" if ref is not None else "—"
            ratio = f"{q / ref:.3f}×" if ref else "—"
            met = ""
            if limit is not None and ref:
                met = "met" if q / ref <= limit else f"**not met** ({q / ref / limit:.2f}× over)"
            if absolute is not None:
                met = "met" if q <= absolute else f"**not met** ({q / absolute:.2f}× over)"
            print(f"| {name} | {qs} | {rs} | {ratio} | {target or '(info)'} | {met} |")

        row("clean build / Hugo clean", "clean", "qingshan", "clean", "hugo", "≤ 0.7×", 0.7)
        row("render only (`--dry-run --clean` / `--renderToMemory`)", "render", "qingshan", "render", "hugo", "≤ 0.4×", 0.4)
        row("no-op rebuild / Hugo no-op", "noop", "qingshan", "noop", "hugo", "≤ 0.02×", 0.02)
        edit_target = {1000: 0.030, 10000: 0.250}.get(n)
        row("one page edited, CLI / hugo server edit", "edit-page", "qingshan", "server-edit", "hugo",
            f"≤ {edit_target * 1000:.0f} ms" if edit_target else None, absolute=edit_target)
        row("one data row edited, CLI / hugo server edit", "edit-row", "qingshan", "server-edit", "hugo")
        row("one page edited, CLI / Hugo CLI", "edit-page", "qingshan", "edit-page", "hugo")
        row("serve: page edit → reload, minus 150 ms debounce / hugo server", "serve-page", "qingshan", "server-edit", "hugo",
            "≤ 1×", 1.0, minus=DEBOUNCE)
        row("serve: row edit → reload, minus 150 ms debounce / hugo server", "serve-row", "qingshan", "server-edit", "hugo",
            minus=DEBOUNCE)
        row("render only / cmark, one process (the parse bound)", "render", "qingshan", "parse", "cmark")
        q, h = rss(n, "clean", "qingshan"), rss(n, "clean", "hugo")
        if q and h:
            limit = {1000: 0.30, 10000: 0.25}.get(n)
            met = "" if limit is None else ("met" if q / h <= limit else f"**not met** ({q / h / limit:.2f}× over)")
            print(f"| peak RSS, clean build | {fmt_m(q)} | {fmt_m(h)} | {q / h:.3f}× | {f'≤ {limit}×' if limit else '(info)'} | {met} |")
        print()

    if len(sizes) >= 2:
        print("### Growth exponents (least-squares slope of log time on log N; 1.0 = linear)\n")
        header = " | ".join(f"{a:,}→{b:,}" for a, b in zip(sizes, sizes[1:]))
        print(f"| measure | tool | {header} | all sizes | target |")
        print("|---|---|" + "---:|" * (len(sizes) - 1) + "---:|---|")
        measures = [("clean build", "clean", "≤ 1.05"), ("render only", "render", "≤ 1.05"), ("no-op", "noop", ""),
                    ("one page edited (CLI)", "edit-page", "≪ 1"), ("one row edited (CLI)", "edit-row", ""),
                    ("serve page edit → reload", "serve-page", ""), ("hugo server edit", "server-edit", "")]
        for label, scen, target in measures:
            for tool in ("qingshan", "hugo"):
                pts = [(n, med(n, scen, tool)) for n in sizes]
                if sum(1 for _, v in pts if v) < 2:
                    continue
                steps = " | ".join(
                    f"{slope([a, b]):.2f}" if slope([a, b]) is not None else "—" for a, b in zip(pts, pts[1:]))
                print(f"| {label} | {tool} | {steps} | {slope(pts):.2f} | {target if tool == 'qingshan' else ''} |")
        for tool in ("qingshan", "hugo"):
            pts = [(n, rss(n, "clean", tool)) for n in sizes]
            if sum(1 for _, v in pts if v) >= 2:
                steps = " | ".join(f"{slope([a, b]):.2f}" if slope([a, b]) is not None else "—" for a, b in zip(pts, pts[1:]))
                print(f"| peak RSS, clean | {tool} | {steps} | {slope(pts):.2f} | {'≤ 1.05' if tool == 'qingshan' else ''} |")
        print()

    if counts:
        print("### Instructions (callgrind, Qingshan, one run each)\n")
        scens = [s for s in SCENARIO_ORDER if any(s in c for c in counts.values())]
        print("| N | " + " | ".join(scens) + " |")
        print("|---:|" + "---:|" * len(scens))
        for n in sorted(counts):
            cells = [f"{counts[n][s] / 1e9:.3f} G" if s in counts[n] else "—" for s in scens]
            print(f"| {n:,} | " + " | ".join(cells) + " |")
        print()


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    g = sub.add_parser("generate")
    g.add_argument("--pages", type=int, required=True)
    g.add_argument("--out", required=True)
    g.add_argument("--seed", type=int, default=8)
    g.add_argument("--repo", default=os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    g.add_argument("--qingshan", help="a qingshan binary: record a data snapshot of an earlier publication")
    r = sub.add_parser("report")
    r.add_argument("results", nargs="+", help="results.tsv files, merged (e.g. two invocations at one size)")
    args = ap.parse_args()
    if args.cmd == "generate":
        generate(args.pages, args.out, args.seed, args.repo)
        if args.qingshan:
            record_snapshot(os.path.join(args.out, "qingshan"), args.qingshan)
    else:
        report(args.results)


if __name__ == "__main__":
    sys.exit(main())
