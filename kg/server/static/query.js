// The query page: a CodeMirror SPARQL editor; runs the query against /sparql and shows SELECT/ASK
// results as a table whose IRIs of ours read as entity labels linked to their pages (the IRI on
// hover), CONSTRUCT/DESCRIBE as Turtle. ?query= in the URL fills the editor and runs it, and
// running a query puts it in the URL, so a query can be shared as a link. Downloads, the export
// form and document upload (with the update token) are wired here too: no inline script anywhere.
(function () {
  "use strict";
  const page = document.getElementById("query-page");
  const examples = JSON.parse(document.getElementById("examples").textContent);
  const status = document.getElementById("status");
  const results = document.getElementById("results");
  const downloads = { csv: document.getElementById("download-csv"), json: document.getElementById("download-json") };
  const PREFIXES = {
    "https://w3id.org/kgcn/ontology#": "kg:",
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#": "rdf:",
    "http://www.w3.org/2000/01/rdf-schema#": "rdfs:",
    "http://www.w3.org/2004/02/skos/core#": "skos:",
    "http://purl.org/dc/terms/": "dcterms:",
    "http://www.w3.org/ns/prov#": "prov:",
    "http://www.w3.org/2001/XMLSchema#": "xsd:",
  };

  const editor = CodeMirror.fromTextArea(document.getElementById("query"), {
    mode: "application/sparql-query",
    lineNumbers: true,
    indentUnit: 2,
    extraKeys: { "Ctrl-Enter": run, "Cmd-Enter": run },
  });

  document.getElementById("example").addEventListener("change", (event) => {
    editor.setValue(examples[Number(event.target.value)]);
  });
  document.getElementById("run").addEventListener("click", run);
  document.getElementById("share").addEventListener("click", async () => {
    const link = shareLink();
    history.replaceState(null, "", link);
    try { await navigator.clipboard.writeText(link); status.textContent = "查询链接已复制"; }
    catch (error) { status.textContent = link; }
  });
  downloads.csv.addEventListener("click", () => download("text/csv", "results.csv"));
  downloads.json.addEventListener("click", () => download("application/sparql-results+json", "results.json"));

  function shareLink() {
    const url = new URL(window.location.href);
    url.search = new URLSearchParams({ query: editor.getValue() }).toString();
    return url.toString();
  }

  function sparql(accept) {
    return fetch(page.dataset.sparql, {
      method: "POST",
      headers: { "Content-Type": "application/sparql-query", Accept: accept },
      body: editor.getValue(),
    });
  }

  function shortIri(iri) {
    for (const [base, prefix] of Object.entries(PREFIXES)) {
      if (iri.startsWith(base)) return prefix + iri.slice(base.length);
    }
    return iri;
  }

  function termNode(term) {
    if (!term) return document.createTextNode("");
    if (term.type === "uri") {
      const link = document.createElement("a");
      link.href = term.value;
      link.title = term.value;
      link.textContent = shortIri(term.value);
      link.dataset.iri = term.value;
      return link;
    }
    if (term.type === "bnode") return document.createTextNode(`_:${term.value}`);
    const span = document.createElement("span");
    span.className = "literal";
    span.textContent = term.value;
    if (term["xml:lang"]) {
      const lang = span.appendChild(document.createElement("sup"));
      lang.textContent = `@${term["xml:lang"]}`;
    }
    return span;
  }

  async function label(table) {
    const links = [...table.querySelectorAll("a[data-iri]")];
    const iris = [...new Set(links.map((a) => a.dataset.iri))];
    if (!iris.length) return;
    const response = await fetch(page.dataset.labels, {
      method: "POST", headers: { "Content-Type": "application/json", Accept: "application/json" },
      body: JSON.stringify({ iris }),
    });
    if (!response.ok) return;
    const labels = await response.json();
    for (const link of links) {
      const found = labels[link.dataset.iri];
      if (!found) continue;
      link.href = found.url;
      link.textContent = found.label || shortIri(link.dataset.iri);
      link.className = `entity type-${found.type}`;
    }
  }

  function showTable(data) {
    const table = document.createElement("table");
    table.className = "results";
    const head = table.createTHead().insertRow();
    for (const name of data.head.vars) head.appendChild(document.createElement("th")).textContent = name;
    const body = table.createTBody();
    for (const binding of data.results.bindings) {
      const row = body.insertRow();
      for (const name of data.head.vars) row.insertCell().appendChild(termNode(binding[name]));
    }
    results.replaceChildren(table);
    label(table);
    return data.results.bindings.length;
  }

  async function run() {
    status.className = "";
    status.textContent = "运行中…";
    history.replaceState(null, "", shareLink());
    const started = performance.now();
    try {
      const response = await sparql("application/sparql-results+json, text/turtle;q=0.9");
      const text = await response.text();
      if (!response.ok) throw new Error(text);
      const seconds = ((performance.now() - started) / 1000).toFixed(2);
      const truncated = response.headers.get("X-KG-Truncated") === "true" ? "（已截断）" : "";
      const isTable = (response.headers.get("Content-Type") || "").startsWith("application/sparql-results+json");
      for (const button of Object.values(downloads)) button.disabled = !isTable;
      if (isTable) {
        const data = JSON.parse(text);
        if ("boolean" in data) {
          results.replaceChildren(document.createTextNode(String(data.boolean)));
          status.textContent = `${seconds} 秒`;
        } else {
          status.textContent = `${showTable(data)} 行${truncated}，${seconds} 秒`;
        }
      } else {
        const pre = document.createElement("pre");
        pre.textContent = text;
        results.replaceChildren(pre);
        status.textContent = `${seconds} 秒${truncated}`;
      }
    } catch (error) {
      status.className = "error";
      status.textContent = error.message;
      results.replaceChildren();
    }
  }

  async function download(accept, name) {
    const response = await sparql(accept);
    if (!response.ok) { status.className = "error"; status.textContent = await response.text(); return; }
    const link = document.createElement("a");
    link.href = URL.createObjectURL(await response.blob());
    link.download = name;
    link.click();
    URL.revokeObjectURL(link.href);
  }

  // Exports: the format goes in the path; empty filters are left out.
  const exportForm = document.getElementById("export-form");
  exportForm.addEventListener("submit", () => {
    const format = exportForm.elements._format.value;
    exportForm.action = exportForm.dataset.base.replace("FORMAT", encodeURIComponent(format));
    const disabled = [...exportForm.elements].filter((e) => e.name && (e.name === "_format" || (e.value === "" && e.type !== "select-multiple")));
    for (const element of disabled) element.disabled = true;
    setTimeout(() => { for (const element of disabled) element.disabled = false; }, 0);
  });

  // Upload: the token goes in the Authorization header, as the endpoint wants it.
  const uploadForm = document.getElementById("upload-form");
  uploadForm.addEventListener("submit", async (event) => {
    event.preventDefault();
    const uploadStatus = document.getElementById("upload-status");
    const report = document.getElementById("upload-report");
    const body = new FormData();
    for (const file of uploadForm.elements.file.files) body.append("file", file);
    uploadStatus.textContent = "上传中…";
    const response = await fetch(uploadForm.dataset.action, {
      method: "POST", body, headers: { Authorization: `Bearer ${uploadForm.elements.token.value}` },
    });
    const text = await response.text();
    uploadStatus.textContent = response.ok ? "已链接" : `失败（${response.status}）`;
    try { report.textContent = JSON.stringify(JSON.parse(text), null, 2); } catch (error) { report.textContent = text; }
    report.hidden = false;
  });

  const shared = new URLSearchParams(window.location.search).get("query");
  if (shared) {
    const example = document.getElementById("example");
    const index = examples.indexOf(shared);
    if (index >= 0) {
      example.value = String(index);
    } else {
      const option = example.appendChild(document.createElement("option"));
      option.textContent = "链接中的查询";
      example.value = option.value = String(examples.length);
      examples.push(shared);
    }
    editor.setValue(shared);
    run();
  }
})();
