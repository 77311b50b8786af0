// Read a GraphML or GEXF file with graphology (graphology-graphml / graphology-gexf, the readers of
// sigma.js-based tools) and print its shape as JSON (used by tests/export_helpers.py). Warnings from
// the parser go to stderr, which the tests check.
const fs = require('fs');
const {MultiDirectedGraph} = require('graphology');
const graphml = require('graphology-graphml');
const gexf = require('graphology-gexf');

const path = process.argv[2];
const xml = fs.readFileSync(path, 'utf-8');
const parser = path.endsWith('.gexf') ? gexf : graphml;
const graph = parser.parse(MultiDirectedGraph, xml);
const sample = {};
graph.forEachNode((node, attributes) => { sample[node] = attributes; });
const relations = [];
graph.forEachEdge((edge, attributes, source, target) => {
  relations.push([source, attributes.relation, target, attributes.weight, attributes.confidence]);
});
process.stdout.write(JSON.stringify({order: graph.order, size: graph.size, nodes: sample, edges: relations}));
