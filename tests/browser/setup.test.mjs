// A fresh installation (no demo data, no council): the home page tells the
// operator what to run on the server, instead of demo content or an error.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';

// Before helpers.mjs starts this file's server: one with no demo data.
// A shared server (BASE_URL) has demo data, so the test skips there.
const shared = Boolean(process.env.BASE_URL);
process.env.TEST_SERVER_DEMO_DATA = '0';
const { launchBrowser, newCheckedPage, gotoApp, assertClean, checkA11y, BASE_URL } = await import('./helpers.mjs');

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

test('with no council, the API says setup is needed', { skip: shared && 'BASE_URL has demo data' }, async () => {
  const res = await fetch(`${BASE_URL}/api/setup`);
  assert.equal(res.status, 200);
  assert.deepEqual(await res.json(), { needs_setup: true });
});

test('with no council, the home page shows what to run on the server', { skip: shared && 'BASE_URL has demo data' }, async () => {
  const { context, page, problems } = await newCheckedPage(browser);
  try {
    await gotoApp(page, '/');
    const main = page.locator('main');
    await main.getByRole('heading', { level: 1, name: 'Good for Me is installed' }).waitFor();
    await main.getByText('Good for Me is installed but no council is set up yet.').waitFor();
    const commands = await main.locator('pre.commands').innerText();
    assert.match(commands, /backend council create --slug/);
    assert.match(commands, /backend staff add .*--role admin/s);
    // No demo content: no council named, no sign-in offered to a council that is not there.
    assert.equal(await main.getByText(/Bexley/).count(), 0);
    await checkA11y(page, 'setup page');
    await assertClean(page, problems);
  } finally {
    await context.close();
  }
});
