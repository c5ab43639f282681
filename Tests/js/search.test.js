// Node tests for site-templates/default/assets/search.js (run: scripts/test-search-js).
// Built-ins only: node:test and node:assert.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");

const repo = path.resolve(__dirname, "..", "..");
const { tokenize, search, snippet, queryTerms } = require(path.join(repo, "site-templates/default/assets/search.js"));
const vectors = JSON.parse(
  fs.readFileSync(path.join(repo, "Tests/QingshanKitTests/Fixtures/search/tokenizer-vectors.json"), "utf8")
).vectors;

test("the shared vectors are there", () => {
  assert.ok(vectors.length >= 20);
});

for (const vector of vectors) {
  test(`tokenizer vector: ${vector.name}`, () => {
    assert.deepEqual(tokenize(vector.input), vector.tokens);
  });
}

// A small index in the shape SearchIndex.swift emits (postings: docDelta, weight pairs).
function buildIndex(docs) {
  const sections = [...new Set(docs.map((d) => d.section))].sort();
  const table = new Map();
  docs.forEach((d, i) => {
    const weights = new Map();
    for (const t of tokenize(d.text)) weights.set(t, Math.min((weights.get(t) || 0) + 1, 10));
    for (const t of tokenize(d.title)) weights.set(t, (weights.get(t) || 0) + 10);
    for (const [t, w] of weights) {
      if (!table.has(t)) table.set(t, []);
      table.get(t).push([i, w]);
    }
  });
  const tokens = {};
  for (const [t, list] of table) {
    let previous = 0;
    tokens[t] = list.flatMap(([doc, w]) => { const pair = [doc - previous, w]; previous = doc; return pair; });
  }
  return { v: 1, sections, docs: docs.map((d) => [d.url, d.title, sections.indexOf(d.section), d.text]), tokens };
}

const index = buildIndex([
  { url: "index.html", title: "万达开川渝统筹发展示范区", section: "", text: "示范区建设总体进展，生态环境联防联控持续推进。" },
  { url: "water/index.html", title: "水环境", section: "生态环境", text: "州河、铜钵河、任市河水质改善。河长制落实。" },
  { url: "water/tongbo.html", title: "铜钵河流域综合治理", section: "生态环境", text: "铜钵河跨界流域共治，上下游联合巡河。" },
  { url: "funding/index.html", title: "资金保障", section: "投融资", text: "中国农业发展银行达州分行授信50.6亿元，亚洲开发银行（ADBC）贷款支持。" },
  { url: "bank/index.html", title: "银行服务", section: "投融资", text: "农村商业银行网点覆盖各乡镇，促进农业与地方发展。" },
]);

test("铜钵河 ranks the page about it first, and finds the page that mentions it", () => {
  const results = search(index, "铜钵河");
  assert.deepEqual(results.map((r) => r.url), ["water/tongbo.html", "water/index.html"]);
  assert.ok(results.every((r) => r.complete));
});

test("农业发展银行 finds the funding page, not pages with only some bigrams", () => {
  const results = search(index, "农业发展银行");
  assert.equal(results[0].url, "funding/index.html");
  assert.equal(results.length, 1);
});

test("adbc matches ADBC, and full-width ＡＤＢＣ too", () => {
  assert.deepEqual(search(index, "adbc").map((r) => r.url), ["funding/index.html"]);
  assert.deepEqual(search(index, "ＡＤＢＣ").map((r) => r.url), ["funding/index.html"]);
});

test("a word being typed matches by prefix", () => {
  assert.deepEqual(search(index, "adb").map((r) => r.url), ["funding/index.html"]);
});

test("联防联控 finds the home page; punctuation-only and unknown queries find nothing", () => {
  assert.deepEqual(search(index, "联防联控").map((r) => r.url), ["index.html"]);
  assert.deepEqual(search(index, "，。！"), []);
  assert.deepEqual(search(index, "沙漠"), []);
});

test("without a complete match, partial matches come back marked incomplete", () => {
  const results = search(index, "铜钵河银行");  // 铜钵 钵河 河银 银行: no page holds 河银
  assert.deepEqual(results.map((r) => r.url), ["water/tongbo.html", "water/index.html"]);
  assert.ok(results.every((r) => !r.complete));
});

test("the snippet marks the match", () => {
  const [top] = search(index, "铜钵河");
  const marked = top.snippet.filter((s) => s.mark).map((s) => s.text);
  assert.deepEqual(marked, ["铜钵河"]);
  assert.equal(top.snippet.map((s) => s.text).join(""), "铜钵河跨界流域共治，上下游联合巡河。");
});

test("snippets of long texts are windows around the first match", () => {
  const text = "甲".repeat(200) + "铜钵河" + "乙".repeat(200);
  const parts = snippet(text, queryTerms("铜钵河").highlight);
  assert.equal(parts[0].text, "…");
  assert.equal(parts[parts.length - 1].text, "…");
  assert.ok(parts.some((s) => s.mark && s.text === "铜钵河"));
  assert.ok(parts.map((s) => s.text).join("").length < 130);
});

test("query terms: bigrams required, runs highlighted", () => {
  assert.deepEqual(queryTerms("铜钵河 ADBC"), {
    required: ["铜钵", "钵河", "adbc"],
    highlight: ["铜钵河", "铜钵", "钵河", "adbc"],
  });
  assert.deepEqual(queryTerms("河").required, ["河"]);
});
