// The home page: loads, shows the council's help line and Childline, breaks
// no CSP rule, logs no error, stores nothing, calls no one else.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, newCheckedPage, gotoApp, assertClean, screenshot, fetchCouncils, BASE_URL } from './helpers.mjs';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

test('home page loads with a welcome, under our CSP', async () => {
  const { context, page, problems } = await newCheckedPage(browser);
  try {
    const response = await gotoApp(page, '/');
    assert.equal(response.status(), 200);
    const csp = response.headers()['content-security-policy'] || '';
    assert.match(csp, /script-src 'self'/, 'the page must be served with our CSP, or the CSP checks prove nothing');
    assert.doesNotMatch(csp, /'unsafe-inline'|'unsafe-eval'/, 'CSP must not allow inline or eval');

    await assert.doesNotReject(page.getByRole('heading', { level: 1, name: /welcome to Good for Me/i }).waitFor());
    assert.match(await page.title(), /Good for Me/);
    assert.equal(await page.locator('html').getAttribute('lang'), 'en-GB');
    await assertClean(page, problems);
  } finally {
    await context.close();
  }
});

test("home page shows the council's duty phone and Childline", async () => {
  const councils = await fetchCouncils();
  const { context, page, problems } = await newCheckedPage(browser);
  try {
    await gotoApp(page, '/');
    const main = page.locator('main');
    await main.getByRole('heading', { level: 2, name: 'Need help now?' }).waitFor();
    if (councils.length > 0) {
      const [council] = councils;
      const call = main.getByRole('link', { name: `Call ${council.duty_phone}` });
      await call.waitFor();
      assert.equal(await call.getAttribute('href'), `tel:${council.duty_phone.replace(/[^0-9+]/g, '')}`);
      await main.getByText(council.name, { exact: false }).first().waitFor();
    } else {
      await main.getByText('Ask your worker for your council', { exact: false }).waitFor();
    }
    const childline = main.getByRole('link', { name: '0800 1111' });
    assert.equal(await childline.getAttribute('href'), 'tel:08001111');
    await main.getByText('call 999', { exact: false }).first().waitFor();
    await assertClean(page, problems);
  } finally {
    await context.close();
  }
});

test('the app keeps nothing in browser storage and sets no cookies', async () => {
  const { context, page, problems } = await newCheckedPage(browser);
  try {
    await gotoApp(page, '/');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'About' }).click();
    await page.getByRole('heading', { level: 1, name: 'About this app' }).waitFor();
    const stored = await page.evaluate(() => ({ local: localStorage.length, session: sessionStorage.length }));
    assert.deepEqual(stored, { local: 0, session: 0 });
    assert.deepEqual(await context.cookies(BASE_URL), []);
    await assertClean(page, problems);
  } finally {
    await context.close();
  }
});

test('a 360x740 screenshot of the home page is saved', async () => {
  const { context, page, problems } = await newCheckedPage(browser);
  try {
    await gotoApp(page, '/');
    const file = await screenshot(page, 'home-360.png');
    assert.ok(file.endsWith('home-360.png'));
    await assertClean(page, problems);
  } finally {
    await context.close();
  }
});
