// The frame around every page: landmarks, skip link, bottom bar, reflow at
// 360px and at 200% zoom, thumb-sized targets.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  launchBrowser, newCheckedPage, gotoApp, assertClean, hasHorizontalScroll, overflowingElements,
  screenshot, PAGES, PHONE, PHONE_ZOOM_200,
} from './helpers.mjs';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

for (const [label, device, shot] of [['360px', PHONE, '360'], ['200% zoom (180 CSS px)', PHONE_ZOOM_200, 'zoom200']]) {
  test(`no page scrolls sideways at ${label}`, async () => {
    const { context, page, problems } = await newCheckedPage(browser, device);
    try {
      for (const { path, name } of PAGES) {
        await gotoApp(page, path);
        const sideways = await hasHorizontalScroll(page);
        assert.equal(sideways, false, `${path} scrolls sideways: ${JSON.stringify(await overflowingElements(page))}`);
        if (shot === 'zoom200') await screenshot(page, `${name}-${shot}.png`);
      }
      await assertClean(page, problems);
    } finally {
      await context.close();
    }
  });
}

test('landmarks: one banner, one main, a labelled navigation', async () => {
  const { context, page, problems } = await newCheckedPage(browser);
  try {
    await gotoApp(page, '/');
    assert.equal(await page.getByRole('banner').count(), 1);
    assert.equal(await page.getByRole('main').count(), 1);
    assert.equal(await page.getByRole('navigation', { name: 'Main' }).count(), 1);
    await assertClean(page, problems);
  } finally {
    await context.close();
  }
});

test('the skip link is the first thing Tab reaches, is visible then, and goes to main', async () => {
  const { context, page, problems } = await newCheckedPage(browser, { viewport: { width: 360, height: 740 } });
  try {
    await gotoApp(page, '/about');
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to main content' });
    assert.equal(await skip.evaluate((el) => el === document.activeElement), true);
    const box = await skip.boundingBox();
    assert.ok(box && box.y >= 0 && box.height >= 24, 'the focused skip link is on screen');
    const outline = await skip.evaluate((el) => getComputedStyle(el).outlineStyle);
    assert.notEqual(outline, 'none', 'focus is visible');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'main');
    await assertClean(page, problems);
  } finally {
    await context.close();
  }
});

test('the bottom bar moves between pages, marks the current one and moves focus to main', async () => {
  const { context, page, problems } = await newCheckedPage(browser);
  try {
    await gotoApp(page, '/');
    const nav = page.getByRole('navigation', { name: 'Main' });
    assert.equal(await nav.getByRole('link', { name: 'Home' }).getAttribute('aria-current'), 'page');
    for (const [label, heading, title] of [['Get help', 'Get help now', /Get help now/], ['About', 'About this app', /About this app/]]) {
      await nav.getByRole('link', { name: label }).click();
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      assert.equal(await nav.getByRole('link', { name: label }).getAttribute('aria-current'), 'page');
      assert.equal(await nav.locator('[aria-current="page"]').count(), 1);
      assert.match(await page.title(), title);
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'main');
    }
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: 'Get help now' }).waitFor();
    await assertClean(page, problems);
  } finally {
    await context.close();
  }
});

test('bottom bar targets are at least 44px and stay within a 360px screen', async () => {
  const { context, page, problems } = await newCheckedPage(browser);
  try {
    await gotoApp(page, '/');
    const boxes = await page.getByRole('navigation', { name: 'Main' }).getByRole('link').evaluateAll((links) =>
      links.map((a) => { const r = a.getBoundingClientRect(); return { w: r.width, h: r.height, left: r.left, right: r.right, bottom: r.bottom }; }));
    assert.ok(boxes.length >= 2);
    for (const b of boxes) {
      assert.ok(b.w >= 44 && b.h >= 44, `target ${JSON.stringify(b)} is smaller than 44x44`);
      assert.ok(b.left >= 0 && b.right <= 360, 'target is on screen');
      assert.ok(b.bottom <= 740, 'the bar sits at the bottom of the screen, within thumb reach');
    }
    await assertClean(page, problems);
  } finally {
    await context.close();
  }
});

test('every link and button on every page is at least 24x24px (WCAG 2.5.8)', async () => {
  const { context, page, problems } = await newCheckedPage(browser);
  try {
    for (const { path } of PAGES) {
      await gotoApp(page, path);
      const small = await page.$$eval('a, button', (els) => els
        .filter((el) => !el.classList.contains('skip-link'))
        // Links inside a sentence are exempt (WCAG 2.5.8 "inline").
        .filter((el) => el.closest('p, li') === null || el.classList.contains('button'))
        .map((el) => ({ text: el.textContent.trim(), r: el.getBoundingClientRect() }))
        .filter(({ r }) => r.width < 24 || r.height < 24)
        .map(({ text, r }) => `${text} ${Math.round(r.width)}x${Math.round(r.height)}`));
      assert.deepEqual(small, [], `${path}: small targets`);
    }
    await assertClean(page, problems);
  } finally {
    await context.close();
  }
});
