// What a young person sees when the API cannot be reached or answers with an
// error: the API client's words on screen, Childline still there, a way to
// try again. The network is faked with page.route (no backend change needed).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, newCheckedPage, gotoApp, assertClean } from './helpers.mjs';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

const COUNCILS_API = /\/api\/councils/;

test('offline: says so kindly, keeps Childline, and "Try again" recovers', async () => {
  const { context, page, problems } = await newCheckedPage(browser);
  try {
    await page.route('**/api/councils', (route) => route.abort('internetdisconnected'));
    await gotoApp(page, '/');
    const alert = page.getByRole('alert');
    await alert.getByText('You seem to be offline', { exact: false }).waitFor();
    await page.locator('main').getByRole('link', { name: '0800 1111' }).waitFor();

    await page.unroute('**/api/councils');
    await alert.getByRole('button', { name: 'Try again' }).click();
    await page.locator('main').getByRole('link', { name: /^Call / }).first().waitFor();
    assert.equal(await page.getByRole('alert').count(), 0);
    await assertClean(page, problems, { allow: [COUNCILS_API, /ERR_INTERNET_DISCONNECTED/] });
  } finally {
    await context.close();
  }
});

test("an ErrorBody from the server is shown in the server's words", async () => {
  const { context, page, problems } = await newCheckedPage(browser);
  try {
    await page.route('**/api/councils', (route) => route.fulfill({
      status: 503,
      contentType: 'application/json',
      body: JSON.stringify({ error: 'unavailable', message: 'We are fixing something. Please try again in 10 minutes.' }),
    }));
    await gotoApp(page, '/');
    await page.getByRole('alert').getByText('We are fixing something. Please try again in 10 minutes.', { exact: false }).waitFor();
    await assertClean(page, problems, { allow: [COUNCILS_API, /status of 503/] });
  } finally {
    await context.close();
  }
});

test('an error page without an ErrorBody gets plain words, not HTML', async () => {
  const { context, page, problems } = await newCheckedPage(browser);
  try {
    await page.route('**/api/councils', (route) => route.fulfill({ status: 502, contentType: 'text/html', body: '<h1>Bad gateway</h1>' }));
    await gotoApp(page, '/');
    await page.getByRole('alert').getByText('Good for Me is not working right now', { exact: false }).waitFor();
    assert.equal(await page.getByText('Bad gateway').count(), 0);
    await assertClean(page, problems, { allow: [COUNCILS_API, /status of 502/] });
  } finally {
    await context.close();
  }
});
