// copydesk — CopydeskService
// GET /: one self-contained page for editors (no external resources; the API on the same origin).

import HTTPTypes
import Hummingbird

// MARK: - EditorPage

/// The page: paste or drop an article, pick the output format and profile, see the findings
/// listed and marked in the source at their line and column, the converted output, and download
/// it. Plain HTML, CSS and a small script; labelled controls, results announced (`aria-live`).
enum EditorPage {
    /// Only inline style and script, and calls to the same origin.
    static let contentSecurityPolicy =
        "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; connect-src 'self'; "
        + "img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

    static var response: Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        headers[.contentSecurityPolicy] = contentSecurityPolicy
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    static let html = #"""
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>copydesk — check and convert an article</title>
        <style>
        :root { color-scheme: light dark; --mark: #fde68a; --err: #b91c1c; --warn: #92400e; --note: #1e40af; }
        body { font: 16px/1.45 system-ui, sans-serif; margin: 0 auto; max-width: 72rem; padding: 1rem; }
        h1 { font-size: 1.4rem; margin: 0 0 .5rem; }
        .controls { display: flex; flex-wrap: wrap; gap: .75rem 1.25rem; align-items: end; margin: .75rem 0; }
        label { display: block; font-weight: 600; font-size: .9rem; }
        textarea, pre, ol.source { font: 13px/1.45 ui-monospace, monospace; }
        textarea { width: 100%; box-sizing: border-box; min-height: 14rem; }
        textarea.drop { outline: 3px dashed #2563eb; }
        button, select, input { font: inherit; }
        button:focus-visible, select:focus-visible, textarea:focus-visible, a:focus-visible { outline: 3px solid #2563eb; outline-offset: 2px; }
        .columns { display: grid; grid-template-columns: 1fr 1fr; gap: 1rem; }
        @media (max-width: 50rem) { .columns { grid-template-columns: 1fr; } }
        section { min-width: 0; }
        h2 { font-size: 1.1rem; margin: 1rem 0 .4rem; }
        ol.source { margin: 0; padding-left: 3.2rem; max-height: 24rem; overflow: auto; border: 1px solid #8884; }
        ol.source li { white-space: pre-wrap; word-break: break-word; }
        ol.source li.marked { background: var(--mark); color: #000; }
        ol.source li.marked::marker { font-weight: 700; }
        pre#output { max-height: 24rem; overflow: auto; border: 1px solid #8884; padding: .5rem; margin: 0; }
        ul#findings { padding-left: 1.2rem; }
        .error { color: var(--err); } .warning { color: var(--warn); } .note { color: var(--note); }
        @media (prefers-color-scheme: dark) { .error { color: #f87171; } .warning { color: #fbbf24; } .note { color: #93c5fd; } }
        #status { min-height: 1.5em; }
        </style>
        </head>
        <body>
        <main>
        <h1>copydesk: check and convert an article</h1>
        <p>Paste an article or drop a file (plain text, HTML, Markdown, YAML, JSON, NewsML-G2, NITF, ninjs, feeds…). Nothing leaves this server.</p>
        <label for="source">Article</label>
        <textarea id="source" spellcheck="false" aria-describedby="source-help"></textarea>
        <p id="source-help"><label for="file" style="display:inline;font-weight:normal">Or choose a file:</label> <input type="file" id="file"></p>
        <div class="controls">
          <div><label for="from">Input format</label><select id="from"><option value="">detect</option></select></div>
          <div><label for="to">Output format</label><select id="to"></select></div>
          <div><label for="profile">Profile</label><select id="profile"><option>default</option><option>strict</option><option>newsml-syndication</option></select></div>
          <div><button id="run" type="button">Check and convert</button></div>
          <div><button id="download" type="button" disabled>Download result</button></div>
        </div>
        <p id="status" role="status" aria-live="polite"></p>
        <div class="columns">
          <section aria-labelledby="findings-heading">
            <h2 id="findings-heading">Findings</h2>
            <ul id="findings" aria-live="polite"></ul>
            <h2 id="marked-heading">Source, findings marked</h2>
            <ol class="source" id="marked" aria-labelledby="marked-heading"></ol>
          </section>
          <section aria-labelledby="output-heading">
            <h2 id="output-heading">Converted output</h2>
            <pre id="output" tabindex="0" aria-labelledby="output-heading"></pre>
          </section>
        </div>
        </main>
        <script>
        "use strict";
        const $ = (id) => document.getElementById(id);
        let result = null;
        let fileName = "";
        async function loadFormats() {
          const response = await fetch("/v1/formats");
          const { formats, defaultOutput } = await response.json();
          for (const format of formats) {
            if (format.read) $("from").add(new Option(format.name, format.name));
            if (format.write) $("to").add(new Option(format.name, format.name, format.name === defaultOutput, format.name === defaultOutput));
          }
        }
        function query(extra) {
          const params = new URLSearchParams(extra);
          if ($("from").value) params.set("from", $("from").value);
          if (fileName) params.set("name", fileName);
          return params.toString();
        }
        function showSource(text, findings) {
          const list = $("marked");
          list.textContent = "";
          const byLine = new Map();
          for (const f of findings) if (f.line) byLine.set(f.line, (byLine.get(f.line) || []).concat(f));
          text.split(/\r\n|\r|\n/).forEach((line, index) => {
            const item = document.createElement("li");
            item.id = "line-" + (index + 1);
            item.textContent = line || " ";
            const here = byLine.get(index + 1);
            if (here) {
              item.className = "marked";
              item.title = here.map((f) => f.severity + ": " + f.message).join("\n");
            }
            list.append(item);
          });
        }
        function select(line, column) {
          const text = $("source").value;
          let offset = 0;
          for (let i = 1; i < line; i++) offset = text.indexOf("\n", offset) + 1;
          offset += Math.max(0, column - 1);
          $("source").focus();
          $("source").setSelectionRange(offset, Math.min(text.length, offset + 1));
          const marked = $("line-" + line);
          if (marked) marked.scrollIntoView({ block: "nearest" });
        }
        function showFindings(findings) {
          const list = $("findings");
          list.textContent = "";
          if (findings.length === 0) { list.append(Object.assign(document.createElement("li"), { textContent: "No findings." })); return; }
          for (const f of findings) {
            const item = document.createElement("li");
            item.className = "finding " + f.severity;
            item.dataset.line = f.line ?? "";
            item.dataset.rule = f.rule;
            const where = f.line ? f.line + ":" + (f.column || 1) : "—";
            const button = document.createElement("button");
            button.type = "button";
            button.textContent = where;
            button.setAttribute("aria-label", "Go to line " + (f.line || "?") + ", column " + (f.column || 1));
            button.disabled = !f.line;
            button.addEventListener("click", () => select(f.line, f.column || 1));
            item.append(button, " " + f.severity + ": " + f.message + " [" + f.rule + "]");
            list.append(item);
          }
        }
        async function problemText(response) {
          try { const p = await response.json(); return p.detail + (p.line ? " (line " + p.line + ", column " + p.column + ")" : "") + (p.hint ? " — " + p.hint : ""); }
          catch { return response.status + " " + response.statusText; }
        }
        async function run() {
          const text = $("source").value;
          if (!text.trim()) { $("status").textContent = "Paste or drop an article first."; return; }
          $("status").textContent = "Working…";
          $("download").disabled = true;
          result = null;
          const validate = await fetch("/v1/validate?" + query({ format: "json", profile: $("profile").value }), { method: "POST", body: text });
          if (!validate.ok) { $("status").textContent = "Could not read the article: " + await problemText(validate); showFindings([]); showSource(text, []); $("output").textContent = ""; return; }
          const report = await validate.json();
          const findings = report.diagnostics.map((d) => ({ rule: d.rule, severity: d.severity, line: d.line, column: d.column, message: d.message }));
          showFindings(findings);
          showSource(text, findings);
          const convert = await fetch("/v1/convert?" + query({ to: $("to").value, envelope: "true" }), { method: "POST", body: text });
          let converted = "";
          if (convert.ok) {
            result = await convert.json();
            $("output").textContent = result.output;
            $("download").disabled = false;
            converted = "converted to " + result.to + (result.warnings.length ? " with " + result.warnings.length + " warning(s)" : "");
          } else {
            $("output").textContent = "";
            converted = "not converted: " + await problemText(convert);
          }
          const s = report.summary;
          $("status").textContent = s.errors + " error(s), " + s.warnings + " warning(s), " + s.notes + " note(s); " + converted + ".";
        }
        function download() {
          if (!result) return;
          const stem = (fileName.replace(/\.[^.]*$/, "") || "article");
          const link = Object.assign(document.createElement("a"), { href: URL.createObjectURL(new Blob([result.output], { type: result.mediaType })), download: stem + "." + result.fileExtension });
          document.body.append(link);
          link.click();
          setTimeout(() => { URL.revokeObjectURL(link.href); link.remove(); }, 1000);
        }
        async function readFile(file) {
          fileName = file.name;
          $("source").value = await file.text();
          $("status").textContent = "Loaded " + file.name + ".";
        }
        $("run").addEventListener("click", run);
        $("download").addEventListener("click", download);
        $("file").addEventListener("change", (e) => { if (e.target.files[0]) readFile(e.target.files[0]); });
        $("source").addEventListener("input", () => { fileName = ""; });
        $("source").addEventListener("dragover", (e) => { e.preventDefault(); $("source").classList.add("drop"); });
        $("source").addEventListener("dragleave", () => $("source").classList.remove("drop"));
        $("source").addEventListener("drop", (e) => { e.preventDefault(); $("source").classList.remove("drop"); if (e.dataTransfer.files[0]) readFile(e.dataTransfer.files[0]); });
        $("source").addEventListener("keydown", (e) => { if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) run(); });
        loadFormats().catch(() => { $("status").textContent = "Could not load the formats from the server."; });
        </script>
        </body>
        </html>
        """#
}
