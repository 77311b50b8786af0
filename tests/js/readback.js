// Read a GraphML file with graphology-graphml and print its shape as JSON (used by
// tests/test_export_readers.py). Warnings from the parser go to stderr, which the test checks.
const fs = require('fs');
const {MultiDirectedGraph} = require('graphology');
const graphml = require('graphology-graphml');

const xml = fs.readFileSync(process.argv[2], 'utf-8');
const graph = graphml.parse(MultiDirectedGraph, xml);
const sample = {};
graph.forEachNode((node, attributes) => { sample[node] = attributes; });
const relations = [];
graph.forEachEdge((edge, attributes, source, target) => {
  relations.push([source, attributes.relation, target, attributes.weight, attributes.confidence]);
});
process.stdout.write(JSON.stringify({order: graph.order, size: graph.size, nodes: sample, edges: relations}));
