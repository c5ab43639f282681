"use strict";
// browser-check: loads every page of a built Qingshan site from file:// in
// headless Chromium with the network off, and fails on any console error,
// uncaught exception, failed or external request, broken link, missing
// <html lang>/<title>/<main>, failed search case, or page whose main text is
// not visible with JavaScript disabled. See Tests/browser/README.md.

const fs = require("node:fs");
const path = require("node:path");
const { pathToFileURL, fileURLToPath } = require("node:url");
const { Browser, sleep } = require("./cdp.js");

const USAGE = "usage: scripts/browser-check SITE_DIR [--screenshots DIR] [--searches FILE]";
const OVERALL_TIMEOUT_MS = 240000;
const DESKTOP = { name: "desktop", width: 1366, height: 900, deviceScaleFactor: 1, mobile: false };
const MOBILE = { name: "mobile", width: 390, height: 844, deviceScaleFactor: 2, mobile: true };
const MAX_SCREENSHOT_HEIGHT = 8000;

// ---------------------------------------------------------------- arguments

function parseArguments(argv) {
  const options = { siteDir: null, screenshots: null, searches: path.join(__dirname, "searches.json") };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new Error(arg + " needs a value");
      return argv[++i];
    };
    if (arg === "--screenshots") options.screenshots = path.resolve(value());
    else if (arg === "--searches") options.searches = path.resolve(value());
    else if (arg === "-h" || arg === "--help") { console.log(USAGE); process.exit(0); }
    else if (arg.startsWith("-")) throw new Error("unknown option " + arg);
    else if (options.siteDir) throw new Error("more than one SITE_DIR");
    else options.siteDir = path.resolve(arg);
  }
  if (!options.siteDir) throw new Error("SITE_DIR missing");
  if (!fs.existsSync(path.join(options.siteDir, "index.html"))) throw new Error(options.siteDir + "/index.html does not exist");
  options.siteDir = fs.realpathSync(options.siteDir);
  return options;
}

// ---------------------------------------------------------------- results

/** One check (a page load, a search case, ...): passes when it records no failure. */
class Check {
  constructor(name) {
    this.name = name;
    this.failures = [];
    this.warnings = [];
    this.requestUrls = new Map(); // requestId -> url
    this.reportedUrls = new Set(); // urls already reported as failed or external
    this.networkLogs = []; // Log.entryAdded errors from the network, reported unless already covered
  }
  fail(message) { if (!this.failures.includes(message)) this.failures.push(message); }
  warn(message) { if (!this.warnings.includes(message)) this.warnings.push(message); }
  finish() {
    for (const entry of this.networkLogs) {
      if (!this.reportedUrls.has(entry.url)) this.fail("console error: " + entry.text + (entry.url ? " (" + entry.url + ")" : ""));
    }
    this.networkLogs = [];
  }
}

function isLocalScheme(url) {
  return /^(file|data|blob|about|chrome-error):/i.test(url);
}

/** Records what the page reports into the current check. */
function recordEvent(check, siteDir, method, params) {
  const short = (url) => shortURL(siteDir, url);
  switch (method) {
    case "Runtime.exceptionThrown": {
      const d = params.exceptionDetails || {};
      const what = (d.exception && (d.exception.description || d.exception.value)) || d.text || "exception";
      const where = d.url ? " at " + short(d.url) + ":" + ((d.lineNumber || 0) + 1) : "";
      check.fail("uncaught exception: " + String(what).split("\n")[0] + where);
      break;
    }
    case "Runtime.consoleAPICalled": {
      const text = (params.args || []).map((a) => (a.value !== undefined ? String(a.value) : a.description || a.type)).join(" ");
      if (params.type === "error" || params.type === "assert") check.fail("console." + params.type + ": " + text);
      else if (params.type === "warning") check.warn("console.warn: " + text);
      break;
    }
    case "Log.entryAdded": {
      const entry = params.entry || {};
      if (entry.level === "error") {
        if (entry.source === "network" && entry.url) check.networkLogs.push({ url: entry.url, text: entry.text });
        else check.fail("console error (" + entry.source + "): " + entry.text + (entry.url ? " (" + short(entry.url) + ")" : ""));
      } else if (entry.level === "warning") {
        check.warn("console warning (" + entry.source + "): " + entry.text);
      }
      break;
    }
    case "Network.requestWillBeSent": {
      const url = params.request && params.request.url;
      check.requestUrls.set(params.requestId, url);
      if (url && !isLocalScheme(url)) {
        check.fail("external request: " + url);
        check.reportedUrls.add(url);
      }
      break;
    }
    case "Network.loadingFailed": {
      const url = check.requestUrls.get(params.requestId) || "(unknown url)";
      if (check.reportedUrls.has(url)) break;
      check.reportedUrls.add(url);
      const message = "failed request: " + short(url) + " (" + (params.blockedReason || params.errorText) + ")";
      if (params.canceled && !params.blockedReason) check.warn(message);
      else check.fail(message);
      break;
    }
  }
}

/** A file:// URL inside the site as a site-relative path; anything else unchanged. */
function shortURL(siteDir, url) {
  if (!/^file:/i.test(url)) return url;
  try {
    const u = new URL(url);
    const file = fileURLToPath(u);
    const rel = path.relative(siteDir, file);
    if (rel.startsWith("..") || path.isAbsolute(rel)) return url;
    return rel.split(path.sep).join("/") + (file.endsWith(path.sep) ? "/" : "") + u.search + u.hash;
  } catch {
    return url;
  }
}

// ---------------------------------------------------------------- site files

function listHTMLFiles(siteDir) {
  const out = [];
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && entry.name.endsWith(".html")) out.push(path.relative(siteDir, full).split(path.sep).join("/"));
    }
  };
  walk(siteDir);
  return out.sort();
}

function fileURL(siteDir, rel, query = "") {
  return pathToFileURL(path.join(siteDir, rel)).href + query;
}

// ---------------------------------------------------------------- page probes

/** Facts read from a page with scripts enabled. */
const PAGE_FACTS = `(() => {
  const links = [...document.querySelectorAll("a[href], area[href]")].map((a) => ({ raw: a.getAttribute("href"), href: a.href }));
  const ids = [...document.querySelectorAll("[id]")].map((e) => e.id)
    .concat([...document.querySelectorAll("a[name]")].map((e) => e.getAttribute("name")));
  return {
    lang: document.documentElement.getAttribute("lang") || "",
    title: (document.title || "").trim(),
    hasMain: !!document.querySelector("main"),
    bodyClass: document.body ? document.body.className : "",
    links, ids,
    overflow: document.documentElement.scrollWidth - window.innerWidth,
    emptyTimes: [...document.querySelectorAll("time")].filter((t) => !t.textContent.trim())
      .map((t) => (t.parentElement ? t.parentElement.textContent.trim() : "") || "<time>"),
  };
})()`;

/**
 * Visible text, read from a DOM snapshot so that it works with scripts disabled:
 * the text of laid-out text nodes with a non-empty box and visibility:visible,
 * under <main> and under <noscript>.
 */
async function visibleText(page) {
  const snapshot = await page.send("DOMSnapshot.captureSnapshot", { computedStyles: ["visibility"] });
  const strings = snapshot.strings;
  const doc = snapshot.documents[0];
  const nodes = doc.nodes;
  const name = (i) => (nodes.nodeName[i] >= 0 ? strings[nodes.nodeName[i]] : "");
  const within = (i, tag) => {
    for (let n = i; n >= 0; n = nodes.parentIndex[n]) if (name(n) === tag) return true;
    return false;
  };
  let hasMain = false;
  for (let i = 0; i < nodes.nodeName.length; i++) if (name(i) === "MAIN") hasMain = true;
  let main = "";
  let noscript = "";
  const layout = doc.layout;
  for (let k = 0; k < layout.nodeIndex.length; k++) {
    const i = layout.nodeIndex[k];
    if (nodes.nodeType[i] !== 3) continue;
    const [, , width, height] = layout.bounds[k];
    const visibility = layout.styles[k] && layout.styles[k][0] >= 0 ? strings[layout.styles[k][0]] : "visible";
    if (!(width > 0 && height > 0) || visibility !== "visible") continue;
    const text = nodes.nodeValue[i] >= 0 ? strings[nodes.nodeValue[i]] : "";
    if (within(i, "MAIN")) main += text;
    if (within(i, "NOSCRIPT")) noscript += text;
  }
  return { hasMain, main: main.replace(/\s+/g, ""), noscript: noscript.trim() };
}

// ---------------------------------------------------------------- the run

async function run(options, state) {
  const { siteDir } = options;
  const started = Date.now();
  const checks = state.checks;
  const browser = await Browser.launch();
  state.browser = browser;
  let current = null;
  let page = null;
  let emulation = { viewport: DESKTOP, scriptsDisabled: false };
  const openTab = async () => {
    page = await browser.newPage();
    await page.enable();
    page.on((method, params) => { if (current) recordEvent(current, siteDir, method, params); });
    await applyEmulation();
  };
  const applyEmulation = async () => {
    const v = emulation.viewport;
    await page.send("Emulation.setDeviceMetricsOverride", {
      width: v.width, height: v.height, deviceScaleFactor: v.deviceScaleFactor, mobile: v.mobile,
    });
    await page.send("Emulation.setScriptExecutionDisabled", { value: emulation.scriptsDisabled });
  };
  const viewport = (v) => { emulation.viewport = v; return applyEmulation(); };
  const scriptsDisabled = (value) => { emulation.scriptsDisabled = value; return applyEmulation(); };
  /** After a page hangs (say, a script that never returns): stop it, or else replace the tab. */
  const recover = async () => {
    try {
      await page.send("Runtime.terminateExecution", {}, 3000).catch(() => {});
      await page.send("Page.stopLoading", {}, 3000);
      if (await page.navigate("about:blank", 5000)) throw new Error("about:blank did not load");
    } catch {
      const old = page;
      await openTab();
      await old.close();
    }
  };
  await openTab();
  const begin = (name) => {
    if (current) current.finish();
    current = new Check(name);
    checks.push(current);
    return current;
  };
  const end = async () => {
    await sleep(0);
    const check = current;
    current = null;
    if (!check) return;
    check.finish();
    if (check.failures.some((f) => /timed out/.test(f))) await recover();
  };
  /** Navigates within the current check; false if the page did not load. */
  const load = async (check, url) => {
    try {
      const error = await page.navigate(url);
      if (error) { check.fail("navigation failed: " + error); return false; }
      return true;
    } catch (error) {
      check.fail(error.message);
      return false;
    }
  };
  const timings = [];
  const step = (label, t0) => timings.push(label + " " + ((Date.now() - t0) / 1000).toFixed(1) + " s");
  step("browser start", started);

  // 1-2. Crawl from index.html, then any page no link reaches.
  let t0 = Date.now();
  await viewport(DESKTOP);
  const allHTML = listHTMLFiles(siteDir);
  const facts = new Map(); // rel -> page facts
  const fragmentLinks = []; // {check, target, id}
  const pending = new Set(["index.html"]);
  const visited = new Set();
  const orphans = [];
  const enqueue = (rel) => { if (!visited.has(rel)) pending.add(rel); };
  for (;;) {
    let rel = [...pending].sort()[0];
    if (rel === undefined) {
      rel = allHTML.find((f) => !visited.has(f));
      if (rel === undefined) break;
      orphans.push(rel);
    }
    pending.delete(rel);
    visited.add(rel);
    const check = begin(rel);
    if (orphans.includes(rel) && rel !== "404.html") check.warn("orphan: no link in the site leads here");
    const pageURL = fileURL(siteDir, rel);
    if (!fs.existsSync(path.join(siteDir, rel))) { check.fail("file does not exist"); await end(); continue; }
    if (!(await load(check, pageURL))) { await end(); continue; }
    let f;
    try { f = await page.evaluate(PAGE_FACTS); } catch (error) { check.fail(error.message); await end(); continue; }
    facts.set(rel, f);
    if (!f.lang) check.fail("<html> has no lang attribute");
    if (!f.title) check.fail("<title> is missing or empty");
    if (!f.hasMain) check.fail("no <main> element");
    for (const label of f.emptyTimes) check.warn("empty <time> element (shows \"" + label + "\" with no date)");
    for (const link of f.links) {
      const raw = link.raw.trim();
      let u;
      try { u = new URL(link.href); } catch { check.fail("unparsable link href=\"" + raw + "\""); continue; }
      if (u.protocol !== "file:") continue; // external links (and mailto:, tel:) are not followed
      if (raw.startsWith("/")) { check.fail("root-relative link href=\"" + raw + "\" breaks under file:// and sub-paths"); continue; }
      const file = fileURLToPath(u.href.split(/[?#]/)[0]);
      const target = path.relative(siteDir, file).split(path.sep).join("/");
      if (target.startsWith("..") || path.isAbsolute(target)) { check.fail("link leaves the site: href=\"" + raw + "\""); continue; }
      if (u.pathname.endsWith("/")) { check.fail("link to a folder (file:// cannot serve it): href=\"" + raw + "\""); continue; }
      let stat = null;
      try { stat = fs.statSync(file); } catch { /* missing */ }
      if (!stat) { check.fail("link to a missing file: href=\"" + raw + "\""); continue; }
      if (stat.isDirectory()) { check.fail("link to a folder (file:// cannot serve it): href=\"" + raw + "\""); continue; }
      const id = u.hash ? safeDecode(u.hash.slice(1)) : "";
      if (id && id !== "top") fragmentLinks.push({ check, target, id, raw });
      if (target.endsWith(".html")) enqueue(target);
    }
    await end();
  }
  for (const { check, target, id, raw } of fragmentLinks) {
    const targetFacts = facts.get(target);
    if (targetFacts && !targetFacts.ids.includes(id)) check.fail("link to a missing anchor: href=\"" + raw + "\"");
  }
  step("crawl of " + visited.size + " pages", t0);

  // 3. Searches.
  t0 = Date.now();
  let searchCount = 0;
  const hasSearchPage = fs.existsSync(path.join(siteDir, "search/index.html"));
  const hasSearchIndex = fs.existsSync(path.join(siteDir, "search-index.js"));
  if (!hasSearchPage) {
    state.notes.push("searches skipped: the site has no search/index.html");
  } else if (!hasSearchIndex) {
    state.notes.push("searches skipped: search/index.html exists but search-index.js was not built (search feature not in this build)");
  } else {
    const cases = JSON.parse(fs.readFileSync(options.searches, "utf8"));
    const siteText = allHTML.filter((r) => !r.startsWith("search/")).map((r) => fs.readFileSync(path.join(siteDir, r), "utf8")).join("\n");
    for (const c of cases) {
      // A case for content a later feature adds (village pages) waits for it.
      if (c.onlyIf && !siteText.includes(c.onlyIf)) {
        state.notes.push("search \"" + c.query + "\" skipped: no page contains \"" + c.onlyIf + "\" yet");
        continue;
      }
      const check = begin("search/index.html?q=" + c.query);
      searchCount++;
      if (await load(check, fileURL(siteDir, "search/index.html", "?q=" + encodeURIComponent(c.query)))) {
        await checkSearchResults(page, check, siteDir, c);
      }
      await end();
    }
    if (cases.length > 0) {
      // The header search form on the home page leads to the same results.
      const c = cases[0];
      const check = begin("index.html: header search form (" + c.query + ")");
      searchCount++;
      if (await load(check, fileURL(siteDir, "index.html"))) {
        try {
          const submitted = await page.evaluate(`(() => {
            const form = document.querySelector("form[role=search]");
            const input = form && form.querySelector("input[name=q]");
            if (!form || !input) return false;
            input.value = ${JSON.stringify(c.query)};
            form.submit();
            return true;
          })()`);
          if (!submitted) check.fail("no form[role=search] with an input named q");
          else await checkSearchResults(page, check, siteDir, c, true);
        } catch (error) {
          check.fail(error.message);
        }
      }
      await end();
    }
  }
  if (searchCount) step(searchCount + " searches", t0);

  // 4. JavaScript disabled: home, each top-level section and one page in it, the search page.
  t0 = Date.now();
  const noScriptPages = ["index.html"];
  const topFolders = [...new Set([...visited].filter((r) => r.includes("/")).map((r) => r.split("/")[0]))].sort();
  for (const folder of topFolders) {
    if (visited.has(folder + "/index.html")) noScriptPages.push(folder + "/index.html");
    const child = [...visited].filter((r) => r.startsWith(folder + "/") && r !== folder + "/index.html").sort()[0];
    if (child) noScriptPages.push(child);
  }
  await scriptsDisabled(true);
  for (const rel of noScriptPages) {
    const check = begin(rel + " (JavaScript disabled)");
    if (await load(check, fileURL(siteDir, rel))) {
      try {
        const text = await visibleText(page);
        if (!text.hasMain) check.fail("no <main> element");
        else if (text.main.length < 20) check.fail("main text not visible without JavaScript (" + text.main.length + " visible characters)");
        if (rel === "search/index.html" && !/JavaScript/i.test(text.noscript)) {
          check.fail("search page shows no <noscript> explanation without JavaScript");
        }
      } catch (error) {
        check.fail(error.message);
      }
    }
    await end();
  }
  await scriptsDisabled(false);
  step("JavaScript-disabled pass of " + noScriptPages.length + " pages", t0);

  // 5. Screenshots.
  if (options.screenshots) {
    t0 = Date.now();
    fs.mkdirSync(options.screenshots, { recursive: true });
    const byLayout = (name) => [...facts.keys()].sort().find((r) => new RegExp("\\blayout-" + name + "\\b").test(facts.get(r).bodyClass));
    const shots = [["home", "index.html", ""]];
    const section = byLayout("section") || [...facts.keys()].sort().find((r) => r !== "index.html" && r.endsWith("/index.html"));
    if (section) shots.push(["section", section, ""]);
    const plain = byLayout("page") || [...facts.keys()].sort().find((r) => r.split("/").length > 2);
    if (plain) shots.push(["page", plain, ""]);
    const village = [...facts.keys()].sort().find((r) => /villag|cun\b|村/i.test(r) || /\blayout-village\b/.test(facts.get(r).bodyClass));
    if (village) shots.push(["village", village, ""]);
    if (hasSearchPage) {
      let q = "铜钵河";
      try { q = JSON.parse(fs.readFileSync(options.searches, "utf8"))[0].query || q; } catch { /* default */ }
      shots.push(["search", "search/index.html", "?q=" + encodeURIComponent(q)]);
    }
    const check = begin("screenshots");
    for (const v of [DESKTOP, MOBILE]) {
      await viewport(v);
      for (const [label, rel, query] of shots) {
        if (!(await load(check, fileURL(siteDir, rel, query)))) continue;
        try {
          if (query && hasSearchIndex) await waitForSearchStatus(page).catch((error) => check.fail(rel + query + ": " + error.message));
          const f = await page.evaluate(PAGE_FACTS);
          if (f.overflow > 1) check.warn(rel + " at " + v.width + " px is " + f.overflow + " px wider than the viewport (horizontal scrolling)");
          const metrics = await page.send("Page.getLayoutMetrics");
          const size = metrics.cssContentSize || metrics.contentSize;
          const height = Math.min(Math.ceil(size.height), MAX_SCREENSHOT_HEIGHT);
          const shot = await page.send("Page.captureScreenshot", {
            format: "png", captureBeyondViewport: true,
            clip: { x: 0, y: 0, width: v.width, height: Math.max(height, v.height), scale: 1 },
          }, 30000);
          const file = path.join(options.screenshots, v.name + "-" + label + ".png");
          fs.writeFileSync(file, Buffer.from(shot.data, "base64"));
        } catch (error) {
          check.fail(rel + " at " + v.name + ": " + error.message);
        }
      }
    }
    await viewport(DESKTOP);
    await end();
    state.notes.push("screenshots: " + shots.length * 2 + " PNGs in " + options.screenshots);
    step("screenshots", t0);
  }

  await browser.close();
  state.browser = null;
  state.notes.push("timings: " + timings.join(", ") + "; total " + ((Date.now() - started) / 1000).toFixed(1) + " s");
  const unlinked = orphans.filter((r) => r !== "404.html");
  if (unlinked.length) state.notes.push(unlinked.length + " orphan page(s): " + unlinked.slice(0, 10).join(", ") + (unlinked.length > 10 ? ", …" : ""));
}

function safeDecode(text) {
  try { return decodeURIComponent(text); } catch { return text; }
}

async function waitForSearchStatus(page) {
  const deadline = Date.now() + 10000;
  for (;;) {
    try {
      const ready = await page.evaluate(`(() => {
        const s = document.getElementById("search-status");
        return !!(s && s.textContent.trim()) && /search\\/index\\.html$/.test(location.pathname) && document.readyState === "complete";
      })()`, 2000);
      if (ready) return;
    } catch {
      // the execution context goes away while a form submission navigates
    }
    if (Date.now() > deadline) throw new Error("#search-status stayed empty for 10 s");
    await sleep(50);
  }
}

/** Reads #search-status and #search-results and checks them against a case {query, expect}. */
async function checkSearchResults(page, check, siteDir, c, viaForm = false) {
  try {
    await waitForSearchStatus(page);
    if (viaForm) await page.waitForQuiet(null);
    const r = await page.evaluate(`(() => ({
      url: location.href,
      status: document.getElementById("search-status").textContent.trim(),
      results: [...document.querySelectorAll("#search-results li a")].map((a) => ({ href: a.href, text: a.textContent.trim() })),
    }))()`);
    if (viaForm && new URL(r.url).searchParams.get("q") !== c.query) check.fail("form led to " + shortURL(siteDir, r.url) + ", not ?q=" + c.query);
    const paths = [];
    for (const result of r.results) {
      const rel = shortURL(siteDir, result.href.split(/[?#]/)[0]);
      paths.push(rel);
      if (/^file:/i.test(result.href) && !fs.existsSync(fileURLToPath(result.href.split(/[?#]/)[0]))) check.fail("result links to a missing file: " + rel);
      else if (!/^file:/i.test(result.href)) check.fail("result links outside the site: " + result.href);
    }
    if (r.results.length > 0 && !(r.status.match(/\d+/g) || []).includes(String(r.results.length))) {
      check.fail("#search-status shows no count: \"" + r.status + "\"");
    }
    if (c.expect === null || c.expect === undefined) {
      if (r.results.length) check.fail("expected no results, got " + r.results.length + ": " + paths.slice(0, 5).join(", "));
    } else if (!paths.some((p) => p.includes(c.expect))) {
      check.fail("no result path contains \"" + c.expect + "\" (status \"" + r.status + "\"; results: " + (paths.slice(0, 8).join(", ") || "none") + ")");
    }
  } catch (error) {
    check.fail(error.message);
  }
}

// ---------------------------------------------------------------- main

function report(state) {
  let passed = 0;
  let failed = 0;
  for (const check of state.checks) {
    check.finish();
    for (const w of check.warnings) console.log("warning: " + check.name + ": " + w);
  }
  for (const check of state.checks) {
    if (check.failures.length) failed++;
    else passed++;
    for (const f of check.failures) console.log("FAIL " + check.name + ": " + f);
  }
  for (const note of state.notes) console.log("browser-check: " + note);
  console.log("browser-check: " + passed + " passed, " + failed + " failed");
  return failed;
}

async function main() {
  let options;
  try {
    options = parseArguments(process.argv.slice(2));
  } catch (error) {
    console.error("browser-check: " + error.message + "\n" + USAGE);
    process.exit(2);
  }
  const state = { checks: [], notes: [], browser: null };
  const cleanup = () => { if (state.browser) state.browser.killNow(); };
  process.on("exit", cleanup);
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
    process.on(signal, () => { cleanup(); process.exit(130); });
  }
  const watchdog = setTimeout(() => {
    const check = new Check("browser-check");
    check.fail("did not finish within " + OVERALL_TIMEOUT_MS / 1000 + " s");
    state.checks.push(check);
    report(state);
    cleanup();
    process.exit(1);
  }, OVERALL_TIMEOUT_MS);
  watchdog.unref();
  try {
    await run(options, state);
  } catch (error) {
    const check = new Check("browser-check");
    check.fail(error.message);
    state.checks.push(check);
  } finally {
    if (state.browser) await state.browser.close().catch(() => state.browser.killNow());
    state.browser = null;
  }
  const failed = report(state);
  process.exit(failed > 0 ? 1 : 0);
}

main();
