// Unknown addresses show the not-found page, with a way home.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, newCheckedPage, gotoApp, assertClean, BASE_URL } from './helpers.mjs';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

for (const path of ['/no-such-page', '/about/more/deep', '/404']) {
  test(`${path} shows "We can't find that page"`, async () => {
    const { context, page, problems } = await newCheckedPage(browser);
    try {
      await gotoApp(page, path);
      await page.getByRole('heading', { level: 1, name: "We can't find that page" }).waitFor();
      assert.equal(new URL(page.url()).pathname, path, 'the address bar keeps what was typed');
      assert.match(await page.title(), /Page not found/);
      await assertClean(page, problems);
    } finally {
      await context.close();
    }
  });
}

test('the not-found page links home, and the link works', async () => {
  const { context, page, problems } = await newCheckedPage(browser);
  try {
    await gotoApp(page, '/no-such-page');
    await page.locator('main').getByRole('link', { name: 'Go to the home page' }).click();
    await page.getByRole('heading', { level: 1, name: /welcome to Good for Me/i }).waitFor();
    assert.equal(page.url(), `${BASE_URL}/`);
    await assertClean(page, problems);
  } finally {
    await context.close();
  }
});
