/* Qingshan tables: sorting and filtering for tables marked data-sortable.
 * A classic script (no modules, no network) that only enhances: without it the
 * table is complete and readable. Text is set with textContent, never innerHTML. */
(function () {
  "use strict";

  // Chinese text sorts by pinyin (numbers inside as numbers), as the build sorts it.
  var collator = typeof Intl === "object" && Intl.Collator ? new Intl.Collator("zh-CN", { numeric: true }) : null;

  function cellValue(row, index, type) {
    var cell = row.cells[index];
    if (!cell) return type === "number" ? -Infinity : "";
    // data-order is the build's rank of the value in its column (a referenced dataset's
    // order, such as the official order of counties, or pinyin): it wins over any collation.
    var order = cell.getAttribute("data-order");
    if (order !== null) return { order: parseInt(order, 10) };
    var raw = cell.getAttribute("data-value");
    if (raw === null) raw = cell.textContent;
    if (type === "number") {
      var n = parseFloat(raw);
      return isNaN(n) ? -Infinity : n;
    }
    return raw;
  }

  function compare(a, b, type) {
    if (type === "number") return a - b;
    if (a && b && typeof a.order === "number" && typeof b.order === "number") return a.order - b.order;
    if (collator) return collator.compare(String(a), String(b));
    return String(a).localeCompare(String(b), "zh-CN");
  }

  function enhance(table, number) {
    var body = table.tBodies[0];
    if (!body || !table.tHead) return;
    var headers = table.tHead.rows[0].cells;
    var rows = Array.prototype.slice.call(body.rows);

    // Filter box, labelled, with a live count.
    var wrap = document.createElement("div");
    wrap.className = "qs-table-tools";
    var label = document.createElement("label");
    var inputId = "qs-filter-" + number;
    label.setAttribute("for", inputId);
    label.textContent = "筛选：";
    var input = document.createElement("input");
    input.type = "search";
    input.id = inputId;
    input.placeholder = "输入村名、区县或状态";
    var status = document.createElement("span");
    status.className = "qs-table-count";
    status.setAttribute("role", "status");
    wrap.appendChild(label);
    wrap.appendChild(input);
    wrap.appendChild(status);
    // Before the scrolling region, so that the box stays in view when the table scrolls.
    var scroller = table.parentNode.classList.contains("qs-table-scroll") ? table.parentNode : table;
    scroller.parentNode.insertBefore(wrap, scroller);

    function applyFilter() {
      var query = input.value.trim().toLowerCase();
      var shown = 0;
      rows.forEach(function (row) {
        var match = !query || row.textContent.toLowerCase().indexOf(query) !== -1;
        row.hidden = !match;
        if (match) shown += 1;
      });
      status.textContent = query ? "显示 " + shown + " / " + rows.length + " 行" : "";
    }
    input.addEventListener("input", applyFilter);
    // A record page links to its list filtered by a value (`index.html?filter=通川区`).
    if (number === 1) {
      var wanted = new RegExp("[?&]filter=([^&#]*)").exec(location.search);
      if (wanted) {
        try { input.value = decodeURIComponent(wanted[1].replace(/\+/g, " ")); } catch (e) { input.value = ""; }
        applyFilter();
        if (input.value) wrap.scrollIntoView();
      }
    }

    Array.prototype.forEach.call(headers, function (th, index) {
      if (!th.hasAttribute("data-sort")) return;
      var type = th.getAttribute("data-type") || "text";
      var button = document.createElement("button");
      button.type = "button";
      button.className = "qs-sort";
      while (th.firstChild) button.appendChild(th.firstChild);
      th.appendChild(button);
      button.addEventListener("click", function () {
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        Array.prototype.forEach.call(headers, function (other) { other.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        rows.sort(function (a, b) {
          var order = compare(cellValue(a, index, type), cellValue(b, index, type), type);
          return ascending ? order : -order;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  }

  function start() {
    var tables = document.querySelectorAll("table[data-sortable]");
    for (var i = 0; i < tables.length; i += 1) enhance(tables[i], i + 1);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
