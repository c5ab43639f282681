/*
 * Qingshan offline search. A classic script (no module, no fetch): it reads the
 * index that search-index.js assigns to window.QINGSHAN_SEARCH_INDEX, so search
 * works from file://, under any sub-path and without a network.
 *
 * The tokenizer below must stay identical to Sources/QingshanKit/Search/
 * SearchTokenizer.swift; both are tested against
 * Tests/QingshanKitTests/Fixtures/search/tokenizer-vectors.json
 * (node: scripts/test-search-js).
 */
(function () {
  "use strict";

  var MAX_RESULTS = 100;
  var SNIPPET_LENGTH = 110;

  // ---- Tokenizer (same rules as SearchTokenizer.swift) ----

  /** Full-width ASCII forms to ASCII, the ideographic space to a space. */
  function fold(cp) {
    if (cp >= 0xff01 && cp <= 0xff5e) return cp - 0xfee0;
    if (cp === 0x3000) return 0x20;
    return cp;
  }

  /** 1 for CJK, 2 for word characters, 0 for separators (cp already folded). */
  function kind(cp) {
    if (cp < 0x80) {
      return (cp >= 0x30 && cp <= 0x39) || (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a) ? 2 : 0;
    }
    if ((cp >= 0xc0 && cp <= 0xd6) || (cp >= 0xd8 && cp <= 0xf6) || (cp >= 0xf8 && cp <= 0x24f)) return 2;
    if (cp === 0x3005 || cp === 0x3007) return 1;
    if ((cp >= 0x3041 && cp <= 0x3096) || (cp >= 0x309d && cp <= 0x309f) ||
        (cp >= 0x30a1 && cp <= 0x30fa) || (cp >= 0x30fc && cp <= 0x30ff)) return 1;
    if ((cp >= 0x1100 && cp <= 0x11ff) || (cp >= 0x3131 && cp <= 0x318e) || (cp >= 0xac00 && cp <= 0xd7a3)) return 1;
    if ((cp >= 0x3400 && cp <= 0x4dbf) || (cp >= 0x4e00 && cp <= 0x9fff) ||
        (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0x20000 && cp <= 0x3134f)) return 1;
    return 0;
  }

  function lower(cp) {
    if (cp >= 0x41 && cp <= 0x5a) return String.fromCharCode(cp + 0x20);
    return String.fromCodePoint(cp).toLowerCase();
  }

  /**
   * The runs of a text: {cjk: true, chars: [..]} for CJK runs (one string per
   * code point) and {cjk: false, word: "..."} for lowercase Latin/digit words.
   */
  function runs(text) {
    var out = [];
    var current = null;
    for (var ch of String(text)) {
      var cp = fold(ch.codePointAt(0));
      var k = kind(cp);
      if (k === 1) {
        if (!current || !current.cjk) { current = { cjk: true, chars: [] }; out.push(current); }
        current.chars.push(String.fromCodePoint(cp));
      } else if (k === 2) {
        if (!current || current.cjk) { current = { cjk: false, word: "" }; out.push(current); }
        current.word += lower(cp);
      } else {
        current = null;
      }
    }
    return out;
  }

  /** The tokens of a text in order: CJK characters and their bigrams, lowercase words. */
  function tokenize(text) {
    var tokens = [];
    runs(text).forEach(function (run) {
      if (!run.cjk) { tokens.push(run.word); return; }
      run.chars.forEach(function (c, i) {
        if (i > 0) tokens.push(run.chars[i - 1] + c);
        tokens.push(c);
      });
    });
    return tokens;
  }

  /** Folds for matching while keeping UTF-16 length, so offsets map back to the original. */
  function foldForMatch(text) {
    var out = "";
    for (var i = 0; i < text.length; i++) {
      var u = text.charCodeAt(i);
      if (u >= 0xd800 && u <= 0xdfff) { out += text[i]; continue; }
      u = fold(u);
      var l = lower(u);
      out += l.length === 1 ? l : String.fromCharCode(u);
    }
    return out;
  }

  // ---- Index access ----

  /** Wraps the raw index once: documents as objects, postings decoded on demand. */
  var prepared = typeof WeakMap === "function" ? new WeakMap() : null;

  function prepare(raw) {
    if (prepared && prepared.has(raw)) return prepared.get(raw);
    var sections = raw.sections || [];
    var docs = (raw.docs || []).map(function (d) {
      return { url: d[0], title: d[1], section: sections[d[2]] || "", text: d[3] || "" };
    });
    var index = { docs: docs, tokens: raw.tokens || {}, cache: Object.create(null) };
    if (prepared) prepared.set(raw, index);
    return index;
  }

  var DIGITS = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_";
  var LEVEL_WEIGHTS = [1, 2, 4, 8];

  /**
   * Decodes a postings string (see SearchIndex+Postings.swift): base-32 numbers,
   * digits >= 32 continue a number; each number is documentDelta * 8 + level.
   */
  function decodePostings(text, map) {
    var value = 0;
    var doc = 0;
    for (var i = 0; i < text.length; i++) {
      var digit = DIGITS.indexOf(text[i]);
      if (digit < 0) return map;
      value = value * 32 + (digit & 31);
      if (digit < 32) {
        doc += Math.floor(value / 8);
        var level = value % 8;
        map.set(doc, (level & 4 ? 10 : 0) + LEVEL_WEIGHTS[level & 3]);
        value = 0;
      }
    }
    return map;
  }

  function own(object, key) {
    return object && Object.prototype.hasOwnProperty.call(object, key) ? object[key] : undefined;
  }

  /** Postings of one token as a Map docIndex -> weight (empty when absent). */
  function postings(index, token) {
    if (index.cache[token]) return index.cache[token];
    var map = new Map();
    var first = String.fromCodePoint(token.codePointAt(0));
    var rest = token.slice(first.length);
    var group = own(index.tokens, first);
    var encoded = own(group, rest);
    if (typeof encoded === "string") {
      decodePostings(encoded, map);
    } else if (group && kind(token.codePointAt(0)) === 2) {
      // An unknown Latin word, probably being typed: match the words it begins.
      Object.keys(group).forEach(function (key) {
        if (key.length > rest.length && key.lastIndexOf(rest, 0) === 0) {
          decodePostings(group[key], new Map()).forEach(function (w, d) {
            map.set(d, Math.max(map.get(d) || 0, w));
          });
        }
      });
    }
    index.cache[token] = map;
    return map;
  }

  /**
   * What a query requires: each word, and each CJK run's bigrams (or the single
   * character of a one-character run). Also the strings to highlight.
   */
  function queryTerms(query) {
    var required = [];
    var highlight = [];
    runs(query).forEach(function (run) {
      if (!run.cjk) { required.push(run.word); highlight.push(run.word); return; }
      highlight.push(run.chars.join(""));
      if (run.chars.length === 1) { required.push(run.chars[0]); return; }
      for (var i = 1; i < run.chars.length; i++) {
        var bigram = run.chars[i - 1] + run.chars[i];
        required.push(bigram);
        if (run.chars.length > 2) highlight.push(bigram);
      }
    });
    var unique = function (list) { return list.filter(function (t, i) { return list.indexOf(t) === i; }); };
    return { required: unique(required), highlight: unique(highlight) };
  }

  /**
   * Ranks documents for a query. Documents holding every required token come
   * first, by weight (title hits weigh more), with a bonus when the title or text
   * holds a query run verbatim; only when none holds them all, documents holding
   * at least half are returned, marked complete: false.
   */
  function search(rawIndex, query) {
    var index = prepare(rawIndex);
    var terms = queryTerms(query);
    if (terms.required.length === 0) return [];
    var hits = new Map();
    terms.required.forEach(function (token) {
      postings(index, token).forEach(function (weight, doc) {
        var hit = hits.get(doc);
        if (!hit) { hit = { doc: doc, matched: 0, score: 0 }; hits.set(doc, hit); }
        hit.matched += 1;
        hit.score += weight;
      });
    });
    var all = Array.from(hits.values());
    var complete = all.filter(function (h) { return h.matched === terms.required.length; });
    var chosen = complete.length > 0 ? complete : all.filter(function (h) {
      return h.matched * 2 >= terms.required.length;
    });
    var phrases = runs(query).map(function (r) { return r.cjk ? r.chars.join("") : r.word; });
    var ranked = chosen.map(function (h) {
      var doc = index.docs[h.doc];
      var title = foldForMatch(doc.title);
      var text = foldForMatch(doc.text);
      var bonus = 0;
      phrases.forEach(function (p) {
        if (title.indexOf(p) >= 0) bonus += 50;
        else if (text.indexOf(p) >= 0) bonus += 5;
      });
      return {
        url: doc.url, title: doc.title, section: doc.section, text: doc.text,
        index: h.doc, score: h.score + bonus, complete: complete.length > 0, snippet: null
      };
    }).sort(function (a, b) { return b.score - a.score || a.index - b.index; });
    // Snippets cost a scan of the text: only for results that will be shown.
    ranked.slice(0, MAX_RESULTS).forEach(function (r) { r.snippet = snippet(r.text, terms.highlight); });
    return ranked;
  }

  /**
   * A window of `text` around the first match, as [{text, mark}] segments; the
   * caller turns marked segments into <mark> elements.
   */
  function snippet(text, highlight) {
    var folded = foldForMatch(text);
    var marked = new Uint8Array(text.length);
    var first = -1;
    highlight.slice().sort(function (a, b) { return b.length - a.length; }).forEach(function (term) {
      if (!term) return;
      for (var at = folded.indexOf(term); at >= 0; at = folded.indexOf(term, at + term.length)) {
        for (var i = at; i < at + term.length; i++) marked[i] = 1;
        if (first < 0 || at < first) first = at;
      }
    });
    var start = first > 30 ? first - 30 : 0;
    var end = Math.min(text.length, start + SNIPPET_LENGTH);
    if (start > 0 && text.charCodeAt(start) >= 0xdc00 && text.charCodeAt(start) <= 0xdfff) start -= 1;
    var segments = [];
    if (start > 0) segments.push({ text: "…", mark: false });
    for (var j = start; j < end;) {
      var k = j;
      while (k < end && marked[k] === marked[j]) k++;
      segments.push({ text: text.slice(j, k), mark: marked[j] === 1 });
      j = k;
    }
    if (end < text.length) segments.push({ text: "…", mark: false });
    return segments;
  }

  // ---- Page ----

  function render(doc, results, status, rootPrefix, query) {
    var index = window.QINGSHAN_SEARCH_INDEX;
    while (results.firstChild) results.removeChild(results.firstChild);
    var q = query.trim();
    if (!index) { status.textContent = "搜索索引未能加载，请确认 search-index.js 与网站其他文件一同复制。"; return; }
    if (!q) { status.textContent = "请输入要搜索的关键词。"; return; }
    var found = search(index, q);
    if (found.length === 0) { status.textContent = "未找到与“" + q + "”相关的内容。"; return; }
    var shown = found.slice(0, MAX_RESULTS);
    var partial = !found[0].complete;
    status.textContent = (partial ? "未找到完全匹配“" + q + "”的内容，以下 " + found.length + " 条结果部分相关"
      : "找到 " + found.length + " 条结果") + (found.length > shown.length ? "，显示前 " + shown.length + " 条。" : "。");
    shown.forEach(function (r) {
      var li = doc.createElement("li");
      var a = doc.createElement("a");
      a.href = rootPrefix + r.url;
      a.textContent = r.title || r.url;
      li.appendChild(a);
      if (r.section) {
        li.appendChild(doc.createTextNode(" "));
        var span = doc.createElement("span");
        span.textContent = r.section;
        li.appendChild(span);
      }
      li.appendChild(doc.createTextNode(" "));
      var p = doc.createElement("p");
      r.snippet.forEach(function (s) {
        if (s.mark) { var m = doc.createElement("mark"); m.textContent = s.text; p.appendChild(m); }
        else p.appendChild(doc.createTextNode(s.text));
      });
      li.appendChild(p);
      results.appendChild(li);
    });
  }

  function start(doc, script) {
    var input = doc.getElementById("search-input");
    var results = doc.getElementById("search-results");
    var status = doc.getElementById("search-status");
    if (!input || !results || !status) return;
    // Index URLs are relative to the site root; the search page is search/index.html.
    var rootPrefix = results.getAttribute("data-root");
    if (rootPrefix === null && script) rootPrefix = script.getAttribute("data-root");
    if (rootPrefix === null) rootPrefix = "../";
    var query = new URLSearchParams(window.location.search).get("q") || "";
    input.value = query;
    render(doc, results, status, rootPrefix, query);
    var timer = null;
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        render(doc, results, status, rootPrefix, input.value);
        // file:// documents have an opaque origin where history URL changes throw.
        if (window.location.protocol !== "file:" && window.history && window.history.replaceState) {
          try { window.history.replaceState(null, "", "?q=" + encodeURIComponent(input.value)); } catch (e) { /* keep the old URL */ }
        }
      }, 120);
    });
  }

  if (typeof module !== "undefined" && module.exports) {
    module.exports = { tokenize: tokenize, search: search, snippet: snippet, queryTerms: queryTerms };
  }
  if (typeof document !== "undefined" && typeof window !== "undefined") {
    var script = document.currentScript;
    if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", function () { start(document, script); });
    } else {
      start(document, script);
    }
  }
})();
