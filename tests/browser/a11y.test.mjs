// axe-core, WCAG 2.2 AA, on every page, on a phone and at 200% zoom.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  launchBrowser, newCheckedPage, gotoApp, assertClean, runAxe, formatAxe, PAGES, PHONE, PHONE_ZOOM_200,
} from './helpers.mjs';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

for (const [label, device] of [['360px phone', PHONE], ['200% zoom', PHONE_ZOOM_200]]) {
  for (const { path, name, h1 } of PAGES) {
    test(`axe finds no WCAG 2.2 AA violation on ${name} (${path}) at ${label}`, async () => {
      const { context, page, problems } = await newCheckedPage(browser, device);
      try {
        await gotoApp(page, path);
        await page.getByRole('heading', { level: 1, name: h1 }).waitFor();
        const violations = await runAxe(page);
        assert.equal(violations.length, 0, `axe violations:\n  ${formatAxe(violations)}`);
        await assertClean(page, problems);
      } finally {
        await context.close();
      }
    });
  }
}

test('every page has exactly one h1 and headings do not skip levels', async () => {
  const { context, page, problems } = await newCheckedPage(browser);
  try {
    for (const { path } of PAGES) {
      await gotoApp(page, path);
      const levels = await page.$$eval('h1, h2, h3, h4, h5, h6', (hs) => hs.map((h) => Number(h.tagName[1])));
      assert.equal(levels.filter((l) => l === 1).length, 1, `${path}: one h1`);
      assert.equal(levels[0], 1, `${path}: the first heading is the h1`);
      for (let i = 1; i < levels.length; i++) {
        assert.ok(levels[i] <= levels[i - 1] + 1, `${path}: heading levels ${levels.join(',')} skip a level`);
      }
    }
    await assertClean(page, problems);
  } finally {
    await context.close();
  }
});
