public import Foundation

/// The script `qingshan serve` adds to every HTML response (never to the files on disk):
/// it listens on `/__qingshan/events`, reloads on `reload`, and on `error` shows the
/// positioned diagnostics in an overlay over the last good page.
public enum LiveReloadScript {
    /// Where the server answers with the event stream.
    public static let eventsPath = "/__qingshan/events"
    /// Where the server answers with `source`. An external script, not an inline one,
    /// so a theme's Content-Security-Policy of `script-src 'self'` still allows it.
    public static let scriptPath = "/__qingshan/live-reload.js"

    /// The tag inserted before `</body>`.
    public static let tag = "<script src=\"\(scriptPath)\"></script>"

    /// HTML with the script tag before the last `</body>`, or at the end when there is none.
    public static func inject(into html: Data) -> Data {
        let bytes = [UInt8](html)
        let needle = Array("</body".utf8)
        var insertAt = bytes.count
        if bytes.count >= needle.count {
            for start in stride(from: bytes.count - needle.count, through: 0, by: -1)
            where zip(bytes[start...], needle).allSatisfy({ lowercase($0) == $1 }) {
                insertAt = start
                break
            }
        }
        var result = Data(bytes[..<insertAt])
        result.append(contentsOf: Array(tag.utf8))
        result.append(contentsOf: bytes[insertAt...])
        return result
    }

    private static func lowercase(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
    }

    /// The script. Text goes into the overlay through `textContent` only: diagnostics
    /// quote the site's sources, which must never become markup.
    public static let source = #"""
        (function () {
          "use strict";
          var overlayId = "qingshan-diagnostics";
          function clear() {
            var old = document.getElementById(overlayId);
            if (old) old.remove();
          }
          function show(report) {
            clear();
            var box = document.createElement("div");
            box.id = overlayId;
            box.setAttribute("role", "alertdialog");
            var zh = report.language === "zh";
            box.setAttribute("aria-label", zh ? "生成失败" : "Build failed");
            box.style.cssText = "position:fixed;inset:0;z-index:2147483647;overflow:auto;background:rgba(20,20,20,.94);" +
              "color:#f3f3f3;font:14px/1.5 ui-monospace,Menlo,Consolas,monospace;padding:2em;white-space:pre-wrap";
            var title = document.createElement("h2");
            title.style.cssText = "margin:0 0 1em;color:#ff7b72;font:bold 18px/1.3 system-ui,sans-serif";
            title.textContent = zh
              ? "生成失败：" + report.summary + "（下面显示的是上一次成功生成的网站；改正后保存，页面会自动刷新）"
              : "Build failed: " + report.summary + " (the last good site is shown underneath)";
            box.appendChild(title);
            report.diagnostics.forEach(function (d) {
              var line = document.createElement("div");
              line.style.marginBottom = "0.8em";
              var where = document.createElement("strong");
              where.textContent = d.location ? d.location + ": " : "";
              var what = document.createElement("span");
              what.style.color = d.severity === "error" ? "#ff7b72" : "#e3b341";
              what.textContent = d.severity + ": ";
              line.appendChild(where);
              line.appendChild(what);
              line.appendChild(document.createTextNode(d.message));
              (d.notes || []).forEach(function (n) {
                line.appendChild(document.createTextNode("\nnote: " + n));
              });
              box.appendChild(line);
            });
            var close = document.createElement("button");
            close.type = "button";
            close.textContent = "×";
            close.setAttribute("aria-label", zh ? "关闭" : "Close");
            close.style.cssText = "position:absolute;top:1em;right:1em;font-size:20px;cursor:pointer";
            close.onclick = clear;
            box.appendChild(close);
            document.body.appendChild(box);
          }
          var events = new EventSource("/__qingshan/events");
          events.addEventListener("reload", function () { location.reload(); });
          events.addEventListener("error", function (e) {
            // EventSource also fires a data-less "error" when the connection drops.
            if (typeof e.data === "string") show(JSON.parse(e.data));
          });
        })();
        """#
}
