// Draws the app's PNG icons from the same heart as frontend/icon.svg, with
// Debian's headless Chromium (playwright-core from tests/browser). Run once
// when the icon changes, and commit the PNGs:
//
//   node scripts/make-icons.mjs
//
// - icon-192/512: the rounded square of icon.svg ("any" purpose);
// - maskable-192/512: full bleed, the heart inside the central 80% circle
//   that every mask shape keeps (https://w3c.github.io/manifest/#icon-masks);
// - apple-touch-icon (180): full bleed, iOS rounds the corners itself;
// - badge-96: the heart alone, white on transparent, for the status bar.
import { createRequire } from 'node:module';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(path.join(here, '../tests/browser/package.json'));
const { chromium } = require('playwright-core');
const out = path.join(here, '../frontend/icons');

const HEART = 'M32 50s-17-10-17-22a9 9 0 0 1 17-4 9 9 0 0 1 17 4c0 12-17 22-17 22z';
const TEAL = '#00576b';
const YELLOW = '#ffd166';

const rounded = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" rx="14" fill="${TEAL}"/><path d="${HEART}" fill="${YELLOW}"/></svg>`;
// The heart spans x 15..49, y 15..50: scaled by 0.75 about the centre it
// fits well inside the safe circle (radius 40% of the side).
const fullBleed = (scale) => `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" fill="${TEAL}"/><g transform="translate(32 32.5) scale(${scale}) translate(-32 -32.5)"><path d="${HEART}" fill="${YELLOW}"/></g></svg>`;
const badge = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="12 12 40 40"><path d="${HEART}" fill="#ffffff"/></svg>`;

const ICONS = [
  ['icon-192.png', rounded, 192],
  ['icon-512.png', rounded, 512],
  ['maskable-192.png', fullBleed(0.75), 192],
  ['maskable-512.png', fullBleed(0.75), 512],
  ['apple-touch-icon.png', fullBleed(0.9), 180],
  ['badge-96.png', badge, 96],
];

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  for (const [name, svg, size] of ICONS) {
    const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
    await page.setContent(`<!doctype html><html><body style="margin:0;background:transparent">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`);
    const png = await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
    await writeFile(path.join(out, name), png);
    console.log(`${name}: ${png.length} bytes`);
    await page.close();
  }
} finally {
  await browser.close();
}
