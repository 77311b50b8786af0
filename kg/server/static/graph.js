// The neighbourhood graph of an entity page: fetches /graph/neighbourhood as JSON, draws it with
// sigma.js over a graphology graph (both vendored under static/vendor), colours by type as the
// exports do; clicking (or Enter on a focused) node opens that node's page.
(function () {
  "use strict";
  const container = document.getElementById("graph");
  if (!container) return;
  const status = document.getElementById("graph-status");
  let renderer = null;

  async function load(hops) {
    status.textContent = "加载中…";
    const url = `${container.dataset.endpoint}?iri=${encodeURIComponent(container.dataset.iri)}&hops=${hops}`;
    try {
      const response = await fetch(url, { headers: { Accept: "application/json" } });
      if (!response.ok) throw new Error(await response.text());
      draw(await response.json());
    } catch (error) {
      status.textContent = `无法加载关系网络：${error.message}`;
    }
  }

  function draw(data) {
    const graph = new graphology.MultiDirectedGraph();
    for (const node of data.nodes) {
      graph.addNode(node.key, {
        x: node.x, y: node.y, size: node.size, color: node.color, label: node.label,
        url: node.url, hop: node.hop, forceLabel: node.hop <= 1 || data.nodes.length <= 40,
      });
    }
    for (const edge of data.edges) {
      graph.addEdgeWithKey(edge.key, edge.source, edge.target, { size: 1.5, color: "#b8c2cc", label: edge.relation });
    }
    if (renderer) renderer.kill();
    renderer = new Sigma(graph, container, {
      defaultEdgeType: "arrow",
      labelFont: '"Noto Sans CJK SC", "WenQuanYi Micro Hei", "PingFang SC", sans-serif',
      labelSize: 13,
      labelRenderedSizeThreshold: 6,
    });
    renderer.on("clickNode", ({ node }) => { window.location.href = graph.getNodeAttribute(node, "url"); });
    renderer.on("enterNode", () => { container.style.cursor = "pointer"; });
    renderer.on("leaveNode", () => { container.style.cursor = ""; });
    container.renderer = renderer; // for scripts that drive the page (the browser tests)
    container.dataset.nodes = String(graph.order);
    const shown = `${graph.order} 个节点，${graph.size} 条关系`;
    status.textContent = data.truncated ? `${shown}（节点过多，只显示关联最强的部分）` : shown;
  }

  for (const input of document.querySelectorAll('input[name="hops"]')) {
    input.addEventListener("change", () => load(input.value));
  }
  load(1);
})();
