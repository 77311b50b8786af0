// The query page: send the query to /sparql and show the results as a table (SELECT/ASK) or as
// Turtle (CONSTRUCT/DESCRIBE). Plain DOM code, no third-party assets, so it works offline.
(function () {
  "use strict";
  const examples = JSON.parse(document.getElementById("examples").textContent);
  const query = document.getElementById("query");
  const status = document.getElementById("status");
  const results = document.getElementById("results");

  document.getElementById("example").addEventListener("change", (event) => {
    query.value = examples[Number(event.target.value)];
  });
  document.getElementById("run").addEventListener("click", run);
  query.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) run();
  });

  function cell(term) {
    if (!term) return "";
    if (term.type === "literal" && term["xml:lang"]) return `${term.value} @${term["xml:lang"]}`;
    if (term.type === "bnode") return `_:${term.value}`;
    return term.value;
  }

  function showTable(data) {
    const table = document.createElement("table");
    const head = table.createTHead().insertRow();
    for (const name of data.head.vars) head.appendChild(document.createElement("th")).textContent = name;
    const body = table.createTBody();
    for (const binding of data.results.bindings) {
      const row = body.insertRow();
      for (const name of data.head.vars) row.insertCell().textContent = cell(binding[name]);
    }
    results.replaceChildren(table);
    return data.results.bindings.length;
  }

  async function run() {
    status.className = "";
    status.textContent = "running…";
    const started = performance.now();
    try {
      const response = await fetch(document.querySelector("nav a").getAttribute("href"), {
        method: "POST",
        headers: {
          "Content-Type": "application/sparql-query",
          "Accept": "application/sparql-results+json, text/turtle;q=0.9",
        },
        body: query.value,
      });
      const text = await response.text();
      if (!response.ok) throw new Error(text);
      const seconds = ((performance.now() - started) / 1000).toFixed(2);
      const truncated = response.headers.get("X-KG-Truncated") === "true" ? " (truncated)" : "";
      if ((response.headers.get("Content-Type") || "").startsWith("application/sparql-results+json")) {
        const data = JSON.parse(text);
        if ("boolean" in data) {
          results.replaceChildren(document.createTextNode(String(data.boolean)));
          status.textContent = `${seconds} s`;
        } else {
          status.textContent = `${showTable(data)} rows${truncated}, ${seconds} s`;
        }
      } else {
        const pre = document.createElement("pre");
        pre.textContent = text;
        results.replaceChildren(pre);
        status.textContent = `${seconds} s${truncated}`;
      }
    } catch (error) {
      status.className = "error";
      status.textContent = error.message;
      results.replaceChildren();
    }
  }
})();
