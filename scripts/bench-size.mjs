// Prints the gzipped size of what the first screen needs (the entry script, its
// static imports and the CSS linked from index.html), of what the app fetches
// straight after the first paint (the escalation runtime and the other
// sections: loaded at start, never on first use) and of the whole precache,
// from dist/. Run after `npm run build`. Target: first-screen JS < 120 KB gzipped.
import { readFileSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

const dist = 'dist';
if (!existsSync(join(dist, 'index.html'))) {
  console.error('dist/ is missing: run `npm run build` first.');
  process.exit(1);
}

const gz = (path) => gzipSync(readFileSync(join(dist, path)), { level: 9 }).length;
const raw = (path) => readFileSync(join(dist, path)).length;
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const strip = (url) => url.replace(/^\//, '');

const html = readFileSync(join(dist, 'index.html'), 'utf8');
const attr = (pattern) => [...html.matchAll(pattern)].map((match) => strip(match[1]));
const scripts = attr(/<script[^>]+src="([^"]+)"/g);
const preloads = attr(/<link rel="modulepreload"[^>]+href="([^"]+)"/g);
const styles = attr(/<link rel="stylesheet"[^>]+href="([^"]+)"/g);

// Static imports of the entry chunk load before the first paint too.
const firstScreenJs = new Set([...scripts, ...preloads]);
for (const file of [...firstScreenJs]) {
  const code = readFileSync(join(dist, file), 'utf8');
  for (const match of code.matchAll(/\bimport\s*(?:[\w{}\s,*]+from\s*)?["']\.\/([^"']+\.js)["']/g)) {
    firstScreenJs.add(join('assets', match[1]));
  }
}

// The entry's dynamic imports are what main.tsx preloads after the first paint;
// with their own static imports they are everything an escalation can need.
const manifest = JSON.parse(readFileSync(join(dist, '.vite', 'manifest.json'), 'utf8'));
const entryKey = Object.keys(manifest).find((key) => manifest[key].isEntry);
const afterPaint = new Set();
const withStaticImports = (key) => {
  const chunk = manifest[key];
  if (!chunk || afterPaint.has(chunk.file) || firstScreenJs.has(chunk.file)) return;
  afterPaint.add(chunk.file);
  for (const imported of chunk.imports ?? []) withStaticImports(imported);
};
for (const key of manifest[entryKey].dynamicImports ?? []) withStaticImports(key);
const afterPaintCss = [...afterPaint].flatMap((file) => Object.values(manifest).find((chunk) => chunk.file === file)?.css ?? []);

const sum = (files, measure) => [...files].reduce((total, file) => total + measure(file), 0);
const sw = readFileSync(join(dist, 'sw.js'), 'utf8');
const precached = [...sw.matchAll(/url:"([^"]+)"/g)].map((match) => strip(match[1])).filter((file) => existsSync(join(dist, file)));

console.log('First screen');
for (const file of [...firstScreenJs, ...styles]) console.log(`  ${file.padEnd(48)} ${kb(gz(file)).padStart(10)} gzip  ${kb(raw(file)).padStart(10)} raw`);
console.log(`  JavaScript total: ${kb(sum(firstScreenJs, gz))} gzipped (target < 120 KB)`);
console.log(`  CSS total:        ${kb(sum(styles, gz))} gzipped`);
console.log('Loaded at start, straight after the first paint (escalation runtime, Log, Author, Settings)');
for (const file of [...afterPaint].sort()) console.log(`  ${file.padEnd(48)} ${kb(gz(file)).padStart(10)} gzip  ${kb(raw(file)).padStart(10)} raw`);
console.log(`  JavaScript total: ${kb(sum(afterPaint, gz))} gzipped; CSS ${kb(sum(afterPaintCss, gz))} gzipped`);
console.log(`Precache: ${precached.length} files, ${kb(sum(precached, gz))} gzipped, ${kb(sum(precached, raw))} raw`);
