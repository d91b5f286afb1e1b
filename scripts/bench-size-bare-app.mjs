// Builds the bare React + vite-plugin-pwa app (bench/fixtures/bare-react-pwa)
// into a temporary folder with Vite's own build(), for bench-size.mjs to
// measure beside the real app in the same run.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';

export const BARE_APP_ROOT = resolve('bench/fixtures/bare-react-pwa');

/** Builds the bare app and returns its output folder (the caller removes it). */
export async function buildBareApp() {
  const outDir = mkdtempSync(join(tmpdir(), 'bare-react-pwa-'));
  await build({
    root: BARE_APP_ROOT,
    configFile: join(BARE_APP_ROOT, 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true },
  });
  return outDir;
}
