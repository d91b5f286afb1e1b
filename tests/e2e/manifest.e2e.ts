// The web app manifest is served, complete enough to install, and its icons are
// real PNGs of the sizes it claims.
import { describe, expect, it } from 'vitest';
import { baseUrl } from './support/browser';

interface ManifestIcon {
  src: string;
  sizes: string;
  type: string;
  purpose?: string;
}

function pngSize(bytes: Uint8Array): { width: number; height: number } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  expect(Array.from(bytes.slice(1, 4), (code) => String.fromCharCode(code)).join('')).toBe('PNG');
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

describe('web app manifest', () => {
  it('names the app, runs standalone and offers 192, 512 and maskable icons', async () => {
    const html = await (await fetch(baseUrl() + '/')).text();
    const href = /<link rel="manifest" href="([^"]+)"/.exec(html)?.[1];
    expect(href).toBeTruthy();
    const response = await fetch(new URL(href!, baseUrl() + '/'));
    expect(response.ok).toBe(true);
    const manifest = (await response.json()) as Record<string, unknown> & { icons: ManifestIcon[] };
    expect(manifest.name).toMatch(/escalation/i);
    expect(manifest.short_name).toBeTruthy();
    expect(manifest.description).toBeTruthy();
    expect(manifest.start_url).toBe('/');
    expect(manifest.display).toBe('standalone');
    expect(manifest.theme_color).toMatch(/^#/);
    expect(manifest.background_color).toMatch(/^#/);

    const wanted = [
      { sizes: '192x192', purpose: 'any' },
      { sizes: '512x512', purpose: 'any' },
      { sizes: '512x512', purpose: 'maskable' },
    ];
    for (const want of wanted) {
      const icon = manifest.icons.find((item) => item.sizes === want.sizes && (item.purpose ?? 'any').includes(want.purpose));
      expect(icon, `${want.purpose} icon ${want.sizes}`).toBeTruthy();
      const image = await fetch(new URL(icon!.src, baseUrl() + '/'));
      expect(image.headers.get('content-type')).toContain('image/png');
      const [width, height] = want.sizes.split('x').map(Number);
      expect(pngSize(new Uint8Array(await image.arrayBuffer()))).toEqual({ width, height });
    }
  });

  it('offers "Patient collapsed" and "Escalate" shortcuts and wide and narrow screenshots of the sizes it claims', async () => {
    const html = await (await fetch(baseUrl() + '/')).text();
    const href = /<link rel="manifest" href="([^"]+)"/.exec(html)![1]!;
    const manifest = (await (await fetch(new URL(href, baseUrl() + '/'))).json()) as {
      shortcuts: Array<{ name: string; url: string }>;
      screenshots: Array<{ src: string; sizes: string; form_factor: string; label: string }>;
    };
    expect(manifest.shortcuts.map((s) => s.name)).toEqual(['Patient collapsed', 'Escalate']);
    expect(manifest.shortcuts[0]!.url).toBe('/escalate/collapse');
    expect(manifest.shortcuts[1]!.url).toBe('/escalate');
    expect(manifest.screenshots.map((s) => s.form_factor).sort()).toEqual(['narrow', 'wide']);
    for (const shot of manifest.screenshots) {
      expect(shot.label).toBeTruthy();
      const image = await fetch(new URL(shot.src, baseUrl() + '/'));
      expect(image.ok, shot.src).toBe(true);
      const [width, height] = shot.sizes.split('x').map(Number);
      expect(pngSize(new Uint8Array(await image.arrayBuffer()))).toEqual({ width, height });
    }
  });
});
