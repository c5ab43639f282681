"use strict";
// browser-reader: one report of a built site, read on a phone and printed on A4, with
// the page's own measurements (element boxes, computed sizes), not screenshots.
// What to check comes from a small JSON spec (scripts/browser/reader.json by default).

const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { execFileSync } = require("node:child_process");
const { pathToFileURL } = require("node:url");
const { Browser } = require("./cdp.js");

const PHONE = { width: 375, height: 812, deviceScaleFactor: 2, mobile: true };
const USAGE = "usage: scripts/browser-reader SITE_DIR [--spec FILE] [--pdf OUT.pdf]";

function parseArguments(argv) {
  const options = { siteDir: null, spec: path.join(__dirname, "reader.json"), pdf: null };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--spec") options.spec = path.resolve(argv[++i]);
    else if (arg === "--pdf") options.pdf = path.resolve(argv[++i]);
    else if (arg === "-h" || arg === "--help") { console.log(USAGE); process.exit(0); }
    else if (arg.startsWith("-") || options.siteDir) throw new Error(USAGE);
    else options.siteDir = path.resolve(arg);
  }
  if (!options.siteDir) throw new Error(USAGE);
  return options;
}

/** Runs in the page: the boxes and sizes the phone checks need. */
function measure(spec) {
  const table = [...document.querySelectorAll("table")].find((t) => t.caption && t.caption.textContent.trim() === spec.table);
  const cells = table ? [...table.querySelectorAll("th, td")].filter((c) => c.offsetParent !== null) : [];
  const widths = cells.map((c) => c.getBoundingClientRect().width);
  const narrow = cells.filter((c, i) => widths[i] < spec.minCellWidth).map((c, i) => c.textContent.trim() + " " + widths[i].toFixed(0));
  const texts = [];
  const overlaps = [];
  for (const svg of document.querySelectorAll("svg.qs-chart")) {
    const boxes = [];
    const frame = svg.getBoundingClientRect();
    for (const text of svg.querySelectorAll("text")) {
      const drawn = parseFloat(getComputedStyle(text).fontSize) * text.getScreenCTM().a;
      texts.push({ text: text.textContent, drawn });
      const box = text.getBoundingClientRect();
      if (box.width > 0) boxes.push({ text: text.textContent, box });
      if (box.width > 0 && (box.left < frame.left - 1 || box.right > frame.right + 1)) overlaps.push(svg.id + ": " + text.textContent + " runs off the chart");
    }
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i].box, b = boxes[j].box;
        const x = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        const y = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        if (x > 1 && y > 1) overlaps.push(svg.id + ": " + boxes[i].text + " / " + boxes[j].text);
      }
    }
  }
  const h1 = document.querySelector("main h1");
  const smallest = texts.reduce((m, t) => (t.drawn < m.drawn ? t : m), { text: "", drawn: Infinity });
  return {
    headingTop: h1 ? h1.getBoundingClientRect().top + scrollY : null,
    tableFound: !!table,
    minCellWidth: widths.length ? Math.min(...widths) : null,
    narrow: narrow.slice(0, 5),
    chartTexts: texts.length,
    smallestChartText: smallest,
    overlaps: overlaps.slice(0, 5),
    pageOverflow: document.documentElement.scrollWidth - innerWidth,
    menuOpen: !!document.querySelector("details.site-menu[open]"),
  };
}

/** Runs in the page: the sort column's values in table order, before and after a click. */
async function sortColumn(spec) {
  const table = [...document.querySelectorAll("table")].find((t) => t.caption && t.caption.textContent.trim() === spec.table);
  const th = table.querySelector('th[data-sort="' + spec.sortColumn + '"]');
  const index = [...th.parentNode.cells].indexOf(th);
  const column = () => [...table.tBodies[0].rows].map((r) => r.cells[index].textContent.trim());
  const built = column();
  th.querySelector("button").click(); // descending after the build's ascending? no: first click sorts ascending
  const clicked = column();
  return { built, clicked };
}

/** Every page of the site, in sorted order; of a collection's pages (many alike) the first two. */
function htmlFiles(dir) {
  const files = [];
  const walk = (folder) => {
    const entries = fs.readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
    let records = 0;
    for (const entry of entries) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) {
        if (fs.existsSync(path.join(full, "index.html")) && fs.readFileSync(path.join(full, "index.html"), "utf8").includes('class="layout-record"') && ++records > 2) continue;
        walk(full);
      } else if (entry.name.endsWith(".html")) files.push(full);
    }
  };
  walk(dir);
  return files;
}

function inOrder(values, order) {
  const rank = (v) => (order.indexOf(v) === -1 ? order.length : order.indexOf(v));
  return values.every((v, i) => i === 0 || rank(values[i - 1]) <= rank(v));
}

function pdfPages(file) {
  const text = execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
  return text.split("\f").filter((page, i, all) => i < all.length - 1 || page.trim() !== "");
}

async function run(options, spec, failures, report) {
  const browser = await Browser.launch();
  try {
    const page = await browser.newPage();
    await page.enable();
    await page.send("Emulation.setDeviceMetricsOverride", PHONE);
    const url = pathToFileURL(path.join(options.siteDir, spec.page)).href;
    const error = await page.navigate(url);
    if (error) throw new Error("cannot load " + url + ": " + error);
    const m = await page.evaluate("(" + measure.toString() + ")(" + JSON.stringify(spec) + ")");
    report.phone = m;
    if (m.headingTop === null || m.headingTop > spec.headingWithin) failures.push("phone: heading starts at " + m.headingTop + " px, not within " + spec.headingWithin);
    if (!m.tableFound) failures.push("phone: no table captioned " + spec.table);
    else if (m.minCellWidth < spec.minCellWidth) failures.push("phone: table cells narrower than " + spec.minCellWidth + " px: " + m.narrow.join(", "));
    if (m.smallestChartText.drawn !== null && m.smallestChartText.drawn < spec.minChartText) failures.push("phone: chart text drawn at " + m.smallestChartText.drawn.toFixed(1) + " px: " + m.smallestChartText.text);
    if (m.overlaps.length) failures.push("phone: chart labels overlap: " + m.overlaps.join("; "));
    if (m.pageOverflow > 0) failures.push("phone: the page is " + m.pageOverflow + " px wider than the screen");
    if (m.menuOpen) failures.push("phone: the menu starts open");

    // Every other page on the same phone: heading, chart text, overlaps, width.
    let swept = 0;
    for (const file of htmlFiles(options.siteDir)) {
      if (path.relative(options.siteDir, file) === spec.page) continue;
      await page.navigate(pathToFileURL(file).href);
      const p = await page.evaluate("(" + measure.toString() + ")(" + JSON.stringify(spec) + ")");
      const name = "phone " + path.relative(options.siteDir, file);
      swept += 1;
      if (p.headingTop !== null && p.headingTop > spec.headingWithin) failures.push(name + ": heading starts at " + p.headingTop + " px");
      if (p.smallestChartText.drawn !== null && p.smallestChartText.drawn < spec.minChartText) failures.push(name + ": chart text drawn at " + p.smallestChartText.drawn.toFixed(1) + " px: " + p.smallestChartText.text);
      if (p.overlaps.length) failures.push(name + ": chart labels overlap: " + p.overlaps.join("; "));
      if (p.pageOverflow > 0) failures.push(name + ": the page is " + p.pageOverflow + " px wider than the screen");
    }
    report.phoneOtherPages = swept;
    await page.navigate(url);

    const sorted = await page.evaluate("(" + sortColumn.toString() + ")(" + JSON.stringify(spec) + ")");
    report.sort = { builtFirst: sorted.built[0], clickedFirst: sorted.clicked[0] };
    if (!inOrder(sorted.built, spec.sortOrder)) failures.push("sort: built table not in the reference order: " + sorted.built.join(" "));
    if (!inOrder(sorted.clicked, spec.sortOrder)) failures.push("sort: client-side sort not in the reference order: " + sorted.clicked.join(" "));

    // Print: A4 as the style sheet asks, no browser header or footer of its own.
    await page.send("Emulation.clearDeviceMetricsOverride");
    await page.navigate(url);
    const pdf = await page.send("Page.printToPDF", { preferCSSPageSize: true, printBackground: true, displayHeaderFooter: false }, 60000);
    const file = options.pdf || path.join(fs.mkdtempSync(path.join(os.tmpdir(), "browser-reader-")), "report.pdf");
    fs.writeFileSync(file, Buffer.from(pdf.data, "base64"));
    const pages = pdfPages(file);
    report.print = { pages: pages.length, pdf: file };
    if (pages.length > spec.maxPrintPages) failures.push("print: " + pages.length + " A4 pages, more than " + spec.maxPrintPages);
    pages.forEach((text, i) => {
      // A table row, not the list of record links under it (which names villages too).
      if (!(spec.rowPattern ? new RegExp(spec.rowPattern).test(text) : text.includes(spec.rowText))) return;
      const missing = spec.headerText.filter((h) => !text.includes(h));
      if (missing.length) failures.push("print: page " + (i + 1) + " has table rows but no header text " + missing.join(", "));
    });
    const withoutFooter = pages.map((t, i) => (/第\s*\d+\s*页/.test(t) ? null : i + 1)).filter((n) => n !== null);
    if (withoutFooter.length) failures.push("print: no page footer on page(s) " + withoutFooter.join(", "));
    for (const word of ["筛选", "⇅", "栏目与搜索"]) {
      if (pages.some((t) => t.includes(word))) failures.push("print: screen-only text printed: " + word);
    }
  } finally {
    await browser.close();
  }
}

async function main() {
  const options = parseArguments(process.argv.slice(2));
  const spec = JSON.parse(fs.readFileSync(options.spec, "utf8"));
  const failures = [];
  const report = {};
  await run(options, spec, failures, report);
  console.log(JSON.stringify(report, null, 1));
  for (const f of failures) console.log("FAIL " + f);
  console.log(failures.length ? failures.length + " failure(s)" : "all reader checks passed");
  process.exit(failures.length ? 1 : 0);
}

main().catch((error) => { console.error(error.stack || String(error)); process.exit(2); });
