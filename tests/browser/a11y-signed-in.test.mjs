// The generic checks of a11y.test.mjs and layout.test.mjs, on every page a
// signed-in person sees: axe (WCAG 2.2 AA) at 360px and at 200% zoom, no
// sideways scrolling, 24px targets, one h1 and no skipped heading levels.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  launchBrowser, newCheckedPage, gotoApp, assertClean, runAxe, formatAxe, hasHorizontalScroll, overflowingElements,
  signIn, settled, pathOf, screenshot, SIGNED_IN_PAGES, PHONE, PHONE_ZOOM_200,
} from './helpers.mjs';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

const users = [...new Set(SIGNED_IN_PAGES.map((p) => p.user))];

for (const [label, device, shot] of [['360px phone', PHONE, '360'], ['200% zoom', PHONE_ZOOM_200, 'zoom200']]) {
  for (const user of users) {
    test(`signed in as ${user}: axe, reflow, targets and headings on every page at ${label}`, async () => {
      // Sign in on a phone-sized window, then check at the size under test.
      const { context, page, problems } = await newCheckedPage(browser, device);
      try {
        await page.setViewportSize(PHONE.viewport);
        await signIn(page, user);
        const entries = SIGNED_IN_PAGES.filter((p) => p.user === user);
        const paths = [];
        for (const entry of entries) paths.push([entry, await pathOf(page, entry)]);
        await page.setViewportSize(device.viewport);
        for (const [entry, path] of paths) {
          await gotoApp(page, path);
          await page.getByRole('heading', { level: 1, name: entry.h1 }).waitFor();
          await settled(page);

          const violations = await runAxe(page);
          assert.equal(violations.length, 0, `${entry.name}: axe violations:\n  ${formatAxe(violations)}`);

          assert.equal(await hasHorizontalScroll(page), false,
            `${entry.name} scrolls sideways: ${JSON.stringify(await overflowingElements(page))}`);

          const small = await page.$$eval('a, button, input, select, textarea', (els) => els
            .filter((el) => !el.classList.contains('skip-link'))
            .filter((el) => el.closest('p, li, dd, td') === null || el.classList.contains('button') || el.tagName !== 'A')
            .filter((el) => el.type !== 'hidden')
            .map((el) => ({ text: (el.textContent || el.name || '').trim().slice(0, 40), r: el.getBoundingClientRect() }))
            .filter(({ r }) => r.width > 0 && (r.width < 24 || r.height < 24))
            .map(({ text, r }) => `${text} ${Math.round(r.width)}x${Math.round(r.height)}`));
          assert.deepEqual(small, [], `${entry.name}: small targets`);

          const levels = await page.$$eval('h1, h2, h3, h4, h5, h6', (hs) => hs.map((h) => Number(h.tagName[1])));
          assert.equal(levels.filter((l) => l === 1).length, 1, `${entry.name}: one h1`);
          assert.equal(levels[0], 1, `${entry.name}: the first heading is the h1`);
          for (let i = 1; i < levels.length; i++) {
            assert.ok(levels[i] <= levels[i - 1] + 1, `${entry.name}: heading levels ${levels.join(',')} skip a level`);
          }
          if (shot === 'zoom200') await screenshot(page, `${entry.name}-zoom200.png`);
        }
        await assertClean(page, problems);
      } finally {
        await context.close();
      }
    });
  }
}

test('every form field has a visible label tied to it, and focus is visible on it', async () => {
  const { context, page, problems } = await newCheckedPage(browser);
  try {
    await signIn(page, 'demo-admin');
    await gotoApp(page, '/admin/staff');
    await settled(page);
    const unlabelled = await page.$$eval('main input, main select, main textarea', (els) => els
      .filter((el) => el.type !== 'hidden')
      .filter((el) => !(el.labels && el.labels.length && el.labels[0].offsetWidth > 0))
      .map((el) => el.id || el.name));
    assert.deepEqual(unlabelled, []);
    await page.locator('#staff-name').focus();
    const outline = await page.locator('#staff-name').evaluate((el) => getComputedStyle(el).outlineStyle);
    assert.notEqual(outline, 'none');
    await assertClean(page, problems);
  } finally {
    await context.close();
  }
});
