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

// Nothing on the signed-out home (or help) page jumps when the answers come:
// the session check and the council are held back until the page has drawn
// itself, then let go, and every layout shift the browser reports in
// between is added up (the Cumulative Layout Shift that Lighthouse scores).
for (const path of ['/', '/help']) {
  test(`${path} does not jump when the session check and the council answer`, async () => {
    const { context, page, problems } = await newCheckedPage(browser);
    try {
      await page.addInitScript(() => {
        window.__shifts = [];
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) {
            if (!e.hadRecentInput) {
              const moved = (e.sources || []).map((s) => s.node?.textContent?.trim().slice(0, 40) ?? '?');
              window.__shifts.push({ value: e.value, moved });
            }
          }
        }).observe({ type: 'layout-shift', buffered: true });
      });
      let release;
      const held = new Promise((resolve) => { release = resolve; });
      await page.route(/\/api\/(auth\/refresh|councils)$/, async (route) => {
        await held;
        await route.continue();
      });
      await page.goto(BASE_URL + path, { waitUntil: 'load' });
      await page.locator('main h1').first().waitFor();
      // Drawn while still waiting: let the page paint, then answer.
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      release();
      await page.getByRole('link', { name: /^Call / }).first().waitFor();
      if (path === '/') await page.locator('main').getByRole('link', { name: 'Sign in' }).waitFor();
      // The browser reports a shift to observers a little after the frame
      // that made it: give it time to arrive.
      await page.waitForTimeout(1000);
      const shifts = await page.evaluate(() => window.__shifts);
      const total = shifts.reduce((sum, s) => sum + s.value, 0);
      assert.ok(total < 0.01, `layout shift ${total.toFixed(4)}: ${JSON.stringify(shifts)}`);
      await assertClean(page, problems);
    } finally {
      await context.close();
    }
  });
}
