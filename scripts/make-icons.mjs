// Renders the app icons (192, 512 and a maskable 512 with a safe zone) from
// one SVG drawing, using Debian's Chromium. Run once after changing the design;
// the PNGs are committed so builds never need a browser.
import { chromium } from 'playwright-core';
import { writeFile } from 'node:fs/promises';

const drawing = (size, maskable) => {
  const pad = maskable ? size * 0.2 : 0; // maskable icons keep content in the central 60-80%
  const inner = size - pad * 2;
  const radius = maskable ? 0 : size * 0.18;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 ${size} ${size}">
  <rect width="${size}" height="${size}" rx="${radius}" fill="#005eb8"/>
  <g transform="translate(${pad} ${pad}) scale(${inner / 64})">
    <path d="M6 34h13l5-13 8 26 6-17 4 4h16" fill="none" stroke="#ffffff" stroke-width="5" stroke-linecap="round" stroke-linejoin="round"/>
    <circle cx="52" cy="16" r="6" fill="#ffeb3b"/>
  </g>
</svg>`;
};

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const page = await browser.newPage();
for (const [name, size, maskable] of [
  ['icon-192.png', 192, false],
  ['icon-512.png', 512, false],
  ['icon-maskable-512.png', 512, true],
]) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(`<body style="margin:0">${drawing(size, maskable)}</body>`);
  await writeFile(`public/icons/${name}`, await page.screenshot({ omitBackground: true }));
}
await browser.close();
console.log('icons written to public/icons');
