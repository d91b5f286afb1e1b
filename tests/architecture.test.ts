// The layer rule as a test: every import in src/ is parsed and checked against
// the layers (imports only go down) and the rooms (a room is entered only by
// its index.ts). docs/architecture.md describes the same rule in prose.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(__dirname, '../src');

/** Lower layers first; a module may import its own layer or any layer before it. */
const LAYERS: Record<string, number> = { engine: 0, sops: 1, db: 2, ui: 2, shared: 3, features: 4, app: 5 };
/** Top folders whose first-level subfolders are rooms, entered only by their index.ts. */
const ROOMED = ['db', 'features', 'shared'];

export interface ImportEdge { from: string; to: string }

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(entry.name) ? [full] : [];
  });
}

const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)['"](\.{1,2}\/[^'"]+)['"]/g;

function resolve(fromFile: string, spec: string): string {
  const base = path.resolve(path.dirname(fromFile), spec);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return path.relative(SRC, candidate);
  }
  return path.relative(SRC, base);
}

export function importEdges(root = SRC): ImportEdge[] {
  return sourceFiles(root).flatMap((file) => {
    const text = fs.readFileSync(file, 'utf8');
    return [...text.matchAll(SPECIFIER)].map((match) => ({ from: path.relative(SRC, file), to: resolve(file, match[1] ?? '') }));
  });
}

const parts = (file: string): string[] => file.split(path.sep);

/** Why an import breaks the rule, or null when it keeps it. */
export function ruleBroken({ from, to }: ImportEdge): string | null {
  const [fromTop = '', fromRoom = ''] = parts(from);
  const [toTop = '', toRoom = '', ...rest] = parts(to);
  if (!(toTop in LAYERS) || !(fromTop in LAYERS)) return null;
  const toRank = LAYERS[toTop] ?? 0;
  const fromRank = LAYERS[fromTop] ?? 0;
  if (toRank > fromRank || (toRank === fromRank && toTop !== fromTop)) {
    return `${fromTop} may not import ${toTop} (imports only go down)`;
  }
  if (ROOMED.includes(toTop) && rest.length > 0) {
    const sameRoom = fromTop === toTop && fromRoom === toRoom;
    if (!sameRoom && rest.join('/') !== 'index.ts') return `enter ${toTop}/${toRoom} by its index.ts`;
  }
  if (toTop === 'features' && fromTop === 'features' && fromRoom !== toRoom) return `features do not import each other (${fromRoom} → ${toRoom})`;
  if (toTop === 'features' && fromTop === 'app' && from !== path.join('app', 'sectionModules.ts')) {
    return 'the shell reaches features only through its section modules';
  }
  return null;
}

describe('the layer rule', () => {
  it('finds the imports of src/', () => {
    const edges = importEdges();
    expect(edges.length).toBeGreaterThan(300);
    expect(edges).toContainEqual({ from: path.join('app', 'sectionModules.ts'), to: expect.stringMatching(/^features/) });
  });

  it('refuses upward, sideways and deep imports (the rule itself)', () => {
    expect(ruleBroken({ from: 'engine/compile/x.ts', to: 'db/log/index.ts' })).toMatch(/go down/);
    expect(ruleBroken({ from: 'db/log/x.ts', to: 'ui/Button.tsx' })).toMatch(/go down/);
    expect(ruleBroken({ from: 'features/log/x.ts', to: 'db/log/episodeReads.ts' })).toMatch(/index\.ts/);
    expect(ruleBroken({ from: 'features/author/x.ts', to: 'features/runner/index.ts' })).toMatch(/each other/);
    expect(ruleBroken({ from: 'features/log/x.ts', to: 'app/router.ts' })).toMatch(/go down/);
    expect(ruleBroken({ from: 'app/AppHeader.tsx', to: 'features/settings/index.ts' })).toMatch(/section modules/);
    expect(ruleBroken({ from: 'features/log/x.ts', to: 'db/log/index.ts' })).toBeNull();
    expect(ruleBroken({ from: 'db/log/a.ts', to: 'db/log/b.ts' })).toBeNull();
    expect(ruleBroken({ from: 'features/log/x.ts', to: 'shared/router/index.ts' })).toBeNull();
  });

  it('holds for every import in src/', () => {
    const broken = importEdges().flatMap((edge) => {
      const why = ruleBroken(edge);
      return why ? [`${edge.from} → ${edge.to}: ${why}`] : [];
    });
    expect(broken).toEqual([]);
  });
});
