// Prints the gzipped size of what the first screen needs (the entry script, its
// static imports and the CSS linked from index.html), of what the app fetches
// straight after the first paint (the escalation runtime and the other
// sections: loaded at start, never on first use) and of the whole precache,
// from dist/; then builds the bare React + vite-plugin-pwa app
// (bench/fixtures/bare-react-pwa) in the same run and compares first screens.
// Run after `npm run build`. Targets: first-screen JS < 120 KB gzipped and
// ≤ 1.8x the bare app's; exits non-zero when either is missed.
import { readFileSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { firstScreenFiles, gzipBytes, rawBytes } from './bench-size-first-screen.mjs';
import { buildBareApp } from './bench-size-bare-app.mjs';

const FIRST_SCREEN_LIMIT_KB = 120;
const BARE_APP_RATIO_LIMIT = 1.8;

const dist = 'dist';
if (!existsSync(join(dist, 'index.html'))) {
  console.error('dist/ is missing: run `npm run build` first.');
  process.exit(1);
}

const gz = (path) => gzipBytes(dist, path);
const raw = (path) => rawBytes(dist, path);
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const strip = (url) => url.replace(/^\//, '');
const row = (file, gzip, size) => `  ${file.padEnd(48)} ${kb(gzip).padStart(10)} gzip  ${kb(size).padStart(10)} raw`;

const firstScreen = firstScreenFiles(dist);
const firstScreenJs = new Set(firstScreen.js);
const styles = firstScreen.css;

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
for (const file of [...firstScreenJs, ...styles]) console.log(row(file, gz(file), raw(file)));
console.log(`  JavaScript total: ${kb(firstScreen.jsGzip)} gzipped (target < ${FIRST_SCREEN_LIMIT_KB} KB)`);
console.log(`  CSS total:        ${kb(sum(styles, gz))} gzipped`);
console.log('Loaded at start, straight after the first paint (escalation runtime, Log, Author, Settings)');
for (const file of [...afterPaint].sort()) console.log(row(file, gz(file), raw(file)));
console.log(`  JavaScript total: ${kb(sum(afterPaint, gz))} gzipped; CSS ${kb(sum(afterPaintCss, gz))} gzipped`);
console.log(`Precache: ${precached.length} files, ${kb(sum(precached, gz))} gzipped, ${kb(sum(precached, raw))} raw`);

const bareDist = await buildBareApp();
const bare = firstScreenFiles(bareDist);
console.log('Bare React + vite-plugin-pwa app (bench/fixtures/bare-react-pwa), built in this run');
for (const file of bare.js) console.log(row(file, gzipBytes(bareDist, file), rawBytes(bareDist, file)));
console.log(`  JavaScript total: ${kb(bare.jsGzip)} gzipped`);
rmSync(bareDist, { recursive: true, force: true });

const ratio = firstScreen.jsGzip / bare.jsGzip;
const missed = [];
if (firstScreen.jsGzip >= FIRST_SCREEN_LIMIT_KB * 1024) missed.push(`first-screen JS ${kb(firstScreen.jsGzip)} is not under ${FIRST_SCREEN_LIMIT_KB} KB`);
if (ratio > BARE_APP_RATIO_LIMIT) missed.push(`first-screen JS is ${ratio.toFixed(2)}x the bare app's, over ${BARE_APP_RATIO_LIMIT}x`);
console.log(
  `First-screen JS: app ${kb(firstScreen.jsGzip)}, bare app ${kb(bare.jsGzip)}, ratio ${ratio.toFixed(2)}x (target ≤ ${BARE_APP_RATIO_LIMIT}x)`,
);
if (missed.length > 0) {
  for (const reason of missed) console.error(`Size target missed: ${reason}`);
  process.exitCode = 1;
} else {
  console.log('Size targets met.');
}
