// The search page behaviour of search.js, in node with a tiny fake DOM: results
// are built from elements and text nodes (the fake DOM has no innerHTML at all),
// links get the root prefix, the status reports the count in Chinese.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const vm = require("node:vm");

const repo = path.resolve(__dirname, "..", "..");
const source = fs.readFileSync(path.join(repo, "site-templates/default/assets/search.js"), "utf8");
const indexScript = fs.readFileSync(path.join(repo, "Tests/QingshanKitTests/Fixtures/search/sample-index.js"), "utf8");

class FakeText {
  constructor(text) { this.textContent = String(text); }
}

class FakeElement {
  constructor(tag, attributes = {}) {
    this.tagName = tag.toUpperCase();
    this.attributes = attributes;
    this.childNodes = [];
    this.listeners = {};
    this.value = "";
  }
  get firstChild() { return this.childNodes[0] || null; }
  appendChild(child) { this.childNodes.push(child); return child; }
  removeChild(child) { this.childNodes.splice(this.childNodes.indexOf(child), 1); return child; }
  get textContent() { return this.childNodes.map((c) => c.textContent).join(""); }
  set textContent(text) { this.childNodes = [new FakeText(text)]; }
  getAttribute(name) { return Object.prototype.hasOwnProperty.call(this.attributes, name) ? this.attributes[name] : null; }
  addEventListener(type, listener) { this.listeners[type] = listener; }
  get children() { return this.childNodes.filter((c) => c instanceof FakeElement); }
}

/** Loads search.js on a fake search page; returns the page's elements. */
function openPage({ search = "", withIndex = true, resultsRoot, scriptRoot } = {}) {
  const elements = {
    "search-input": new FakeElement("input"),
    "search-results": new FakeElement("ol", resultsRoot === undefined ? {} : { "data-root": resultsRoot }),
    "search-status": new FakeElement("p"),
  };
  const document = {
    readyState: "complete",
    currentScript: new FakeElement("script", scriptRoot === undefined ? {} : { "data-root": scriptRoot }),
    getElementById: (id) => elements[id] || null,
    createElement: (tag) => new FakeElement(tag),
    createTextNode: (text) => new FakeText(text),
  };
  const window = { location: { search, protocol: "file:" }, history: {} };
  const context = vm.createContext({ window, document, URLSearchParams, setTimeout, clearTimeout });
  if (withIndex) vm.runInContext(indexScript, context);
  vm.runInContext(source, context);
  return elements;
}

const q = (text) => "?q=" + encodeURIComponent(text);

test("a ?q= query fills the input, lists ranked results and reports the count", () => {
  const page = openPage({ search: q("铜钵河") });
  assert.equal(page["search-input"].value, "铜钵河");
  assert.equal(page["search-status"].textContent, "找到 3 条结果。");
  const items = page["search-results"].children;
  assert.equal(items.length, 3);
  const [link, span, paragraph] = items[0].children;
  assert.equal(link.tagName, "A");
  assert.equal(link.href, "../water/tongbo.html");
  assert.equal(link.textContent, "铜钵河流域综合治理");
  assert.equal(span.textContent, "生态环境");
  assert.equal(paragraph.tagName, "P");
  assert.deepEqual(paragraph.children.map((m) => [m.tagName, m.textContent]), [["MARK", "铜钵河"], ["MARK", "铜钵河"]]);
});

test("a form-encoded query with + and full-width letters works", () => {
  const page = openPage({ search: "?q=%EF%BC%A1%EF%BC%A4%EF%BC%A2%EF%BC%A3+%E8%B4%B7%E6%AC%BE" });  // ＡＤＢＣ 贷款
  assert.equal(page["search-input"].value, "ＡＤＢＣ 贷款");
  assert.equal(page["search-results"].children[0].children[0].href, "../funding/index.html");
});

test("the root prefix comes from data-root on the results list, else on the script", () => {
  assert.equal(openPage({ search: q("金石村"), resultsRoot: "" })["search-results"].children[0].children[0].href,
    "villages/jinshi.html");
  assert.equal(openPage({ search: q("金石村"), scriptRoot: "../../" })["search-results"].children[0].children[0].href,
    "../../villages/jinshi.html");
});

test("hostile text in the index stays text", () => {
  const page = openPage({ search: q("测试") });
  const paragraph = page["search-results"].children[0].children[2];
  assert.ok(paragraph.textContent.includes("</script>"));
});

test("no match, no query and no index each say so in Chinese", () => {
  assert.equal(openPage({ search: q("沙漠") })["search-status"].textContent, "未找到与“沙漠”相关的内容。");
  assert.equal(openPage({})["search-status"].textContent, "请输入要搜索的关键词。");
  assert.match(openPage({ search: q("河"), withIndex: false })["search-status"].textContent, /搜索索引未能加载/);
});

test("typing searches live", async () => {
  const page = openPage({});
  page["search-input"].value = "adbc";
  page["search-input"].listeners.input();
  await new Promise((resolve) => setTimeout(resolve, 200));
  assert.equal(page["search-status"].textContent, "找到 1 条结果。");
  assert.equal(page["search-results"].children[0].children[0].textContent, "资金保障");
});
