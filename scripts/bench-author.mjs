// Author benchmark: time to lay out and draw the SOP diagram (dagre layout +
// SVG markup) for the largest library SOP and a generated 300-step SOP, and
// to re-validate on a keystroke (the editor re-serialises the draft and runs
// the validator on it). Targets: diagram < 300 ms, keystroke < 50 ms.
// Runs the app's own TypeScript modules through tsx; prints figures only.
import { performance } from 'node:perf_hooks';
import { tsImport } from 'tsx/esm/api';

const load = (path) => tsImport(path, import.meta.url);
const [{ builtInSops, collapseSop }, { generateLargeSop }, { diagramModel }, { layoutDiagram }, { DiagramSvg }, engine, dagreModule, react, server] =
  await Promise.all([
    load('../src/sops/index.ts'),
    load('../tests/support/engineGeneratedSop.ts'),
    load('../src/features/author/diagram/diagramModel.ts'),
    load('../src/features/author/diagram/layoutDiagram.ts'),
    load('../src/features/author/diagram/DiagramSvg.tsx'),
    load('../src/engine/index.ts'),
    import('@dagrejs/dagre'),
    import('react'),
    import('react-dom/server'),
  ]);
const dagre = dagreModule.default ?? dagreModule;
const RUNS = 15;

function stats(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { median: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1] };
}

function measure(work) {
  work(); // warm-up: JIT and lazy module state
  const samples = [];
  for (let i = 0; i < RUNS; i += 1) {
    const start = performance.now();
    work();
    samples.push(performance.now() - start);
  }
  return stats(samples);
}

function drawDiagram(doc) {
  const problems = engine.validateSop(doc).problems;
  const layout = layoutDiagram(dagre, diagramModel(doc, problems));
  const markup = server.renderToStaticMarkup(react.createElement(DiagramSvg, { layout, title: doc.title }));
  return markup.length;
}

/** One keystroke in a step title: the form re-serialises the draft, then the debounced check runs on it. */
function keystroke(doc) {
  let n = 0;
  return () => {
    n += 1;
    const steps = doc.steps.map((s, i) => (i === 0 ? { ...s, title: `${s.title}${n % 10}` } : s));
    const text = `${JSON.stringify({ ...doc, steps }, null, 2)}\n`;
    return engine.parseSopText(text).problems.length;
  };
}

const library = [...builtInSops, collapseSop];
const largest = library.reduce((a, b) => (b.steps.length > a.steps.length ? b : a));
const generated = generateLargeSop(60);
const cases = [
  { name: `largest library SOP (${largest.id}, ${largest.steps.length} steps)`, doc: largest },
  { name: `generated SOP (${generated.steps.length} steps)`, doc: generated },
];

const ms = (value) => `${value.toFixed(1)} ms`.padStart(10);
const rows = [];
for (const { name, doc } of cases) {
  const diagram = measure(() => drawDiagram(doc));
  const typing = measure(keystroke(doc));
  rows.push({ name, diagram, typing });
}

console.log(`Author benchmark (${RUNS} runs each after one warm-up; Node ${process.version})`);
console.log('');
console.log('Lay out and draw the diagram (dagre + SVG)          median       p95        max   target');
for (const r of rows) console.log(`  ${r.name.padEnd(50)}${ms(r.diagram.median)}${ms(r.diagram.p95)}${ms(r.diagram.max)}   < 300 ms ${r.diagram.p95 < 300 ? 'met' : 'MISSED'}`);
console.log('');
console.log('Re-validate on a keystroke (serialise + validate)   median       p95        max   target');
for (const r of rows) console.log(`  ${r.name.padEnd(50)}${ms(r.typing.median)}${ms(r.typing.p95)}${ms(r.typing.max)}   < 50 ms ${r.typing.p95 < 50 ? 'met' : 'MISSED'}`);
