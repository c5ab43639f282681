// Node tests for site-templates/default/assets/search.js (run: scripts/test-search-js).
// Built-ins only: node:test and node:assert.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const vm = require("node:vm");

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

// The index SearchIndex.swift wrote for Fixtures/search/sample-documents.json
// (kept current by SampleIndexFixtureTests), loaded the way a browser would.
const sandbox = { window: {} };
vm.runInNewContext(
  fs.readFileSync(path.join(repo, "Tests/QingshanKitTests/Fixtures/search/sample-index.js"), "utf8"),
  sandbox
);
const index = sandbox.window.QINGSHAN_SEARCH_INDEX;

test("the sample index loads as a classic script and keeps hostile text intact", () => {
  assert.equal(index.docs.length, 6);
  assert.equal(index.docs[5][3], "位于达州市开江县，村内有一段铜钵河支流。</script> 测试\u2028行分隔。");
});

test("铜钵河 ranks the page about it first, and finds the page that mentions it", () => {
  const results = search(index, "铜钵河");
  assert.deepEqual(results.map((r) => r.url), ["water/tongbo.html", "water/index.html", "villages/jinshi.html"]);
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

test("a village name and a county name find their pages", () => {
  assert.deepEqual(search(index, "金石村").map((r) => r.url), ["villages/jinshi.html"]);
  assert.equal(search(index, "开江").length, 1);
  assert.equal(search(index, "达州")[0].url, "funding/index.html");
});

test("联防联控 finds the home page; punctuation-only and unknown queries find nothing", () => {
  assert.deepEqual(search(index, "联防联控").map((r) => r.url), ["index.html"]);
  assert.deepEqual(search(index, "，。！"), []);
  assert.deepEqual(search(index, "沙漠"), []);
});

test("without a complete match, partial matches come back marked incomplete", () => {
  const results = search(index, "铜钵河银行");  // 铜钵 钵河 河银 银行: no page holds 河银
  assert.deepEqual(results.map((r) => r.url), ["water/tongbo.html", "water/index.html", "villages/jinshi.html"]);
  assert.ok(results.every((r) => !r.complete));
});

test("the snippet marks the match", () => {
  const [top] = search(index, "铜钵河");
  const marked = top.snippet.filter((s) => s.mark).map((s) => s.text);
  assert.deepEqual(marked, ["铜钵河", "铜钵河"]);
  assert.equal(top.snippet.map((s) => s.text).join(""), "铜钵河跨界流域共治，上下游联合巡河，铜钵河断面水质达标。");
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
