// Which built files the first screen of a Vite build needs before its first
// paint: the entry script, its modulepreloads and static imports, and the CSS
// linked from index.html. Used by bench-size.mjs for the app and the bare app.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

const strip = (url) => url.replace(/^\//, '');

/** Gzipped (level 9) size in bytes of one file of a build. */
export const gzipBytes = (dist, file) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;
export const rawBytes = (dist, file) => readFileSync(join(dist, file)).length;

/** The first screen's JavaScript and CSS files (paths relative to dist) and their gzipped JS total. */
export function firstScreenFiles(dist) {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const attr = (pattern) => [...html.matchAll(pattern)].map((match) => strip(match[1]));
  const scripts = attr(/<script[^>]+src="([^"]+)"/g);
  const preloads = attr(/<link rel="modulepreload"[^>]+href="([^"]+)"/g);
  const styles = attr(/<link rel="stylesheet"[^>]+href="([^"]+)"/g);

  // Static imports of the entry chunk load before the first paint too.
  const js = new Set([...scripts, ...preloads]);
  for (const file of [...js]) {
    const code = readFileSync(join(dist, file), 'utf8');
    for (const match of code.matchAll(/\bimport\s*(?:[\w{}\s,*$]+from\s*)?["']\.\/([^"']+\.js)["']/g)) {
      js.add(join('assets', match[1]));
    }
  }
  const jsGzip = [...js].reduce((total, file) => total + gzipBytes(dist, file), 0);
  return { js: [...js], css: styles, jsGzip };
}
