// A fresh installation (no demo data, no council): the home page tells the
// operator what to run on the server, instead of demo content or an error.
// Then the operator runs those commands (the real binary, on this file's
// server's data) and the new administrator activates and signs in.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';

// Before helpers.mjs starts this file's server: one with no demo data.
// A shared server (BASE_URL) has demo data, so the test skips there.
const shared = Boolean(process.env.BASE_URL);
process.env.TEST_SERVER_DEMO_DATA = '0';
const { launchBrowser, newCheckedPage, gotoApp, assertClean, checkA11y, BASE_URL } = await import('./helpers.mjs');
const { backendBinary, serverDataDir } = await import('./server.mjs');

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

/** Runs an operator's command against this file's server's data directory. */
function operator(args) {
  const env = { ...process.env, DATA_DIR: serverDataDir };
  delete env.DATABASE_URL;
  delete env.GFM_CONFIG;
  delete env.DEMO_DATA;
  return execFileSync(backendBinary(), args, { env, encoding: 'utf8', timeout: 60_000 });
}

test('the operator sets a council up; its administrator activates, signs in and sees the example offer', { skip: shared && 'BASE_URL has demo data' }, async () => {
  operator(['council', 'create', '--slug', 'north-somerset', '--name', 'North Somerset Council',
    '--time-zone', 'Europe/London', '--duty-phone', '01275 888 808', '--bank-holidays', 'england-and-wales']);
  operator(['team', 'add', '--council', 'north-somerset', '--slug', 'leaving-care', '--name', 'Leaving Care Team', '--kind', 'leaving-care']);
  const added = operator(['staff', 'add', '--council', 'north-somerset', '--username', 'ada', '--name', 'Ada Lovelace', '--role', 'admin', '--team', 'leaving-care']);
  const code = added.match(/One-time code for ada: ([A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4})/)?.[1];
  assert.ok(code, added);
  assert.match(operator(['offer', 'from-template', '--council', 'north-somerset']), /Copied \d+ example entitlements/);

  const { context, page, problems } = await newCheckedPage(browser);
  try {
    // The setup page has gone: the council is named on the home page.
    await gotoApp(page, '/');
    await page.locator('main').getByText('North Somerset Council', { exact: false }).first().waitFor();
    assert.equal(await page.locator('pre.commands').count(), 0);

    await gotoApp(page, '/activate');
    const main = page.locator('main');
    await main.getByLabel('Your code').fill(code);
    await main.getByLabel('Choose a password').fill('a long enough password 2026');
    await main.getByRole('button', { name: 'Set my password and sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Hello, Ada' }).waitFor();

    await gotoApp(page, '/admin/offer');
    await page.getByRole('heading', { level: 1, name: 'The local offer' }).waitFor();
    const marks = page.locator('main').getByText('Example: check and edit before young people see it.', { exact: false });
    await marks.first().waitFor();
    assert.ok(await marks.count() > 30, 'every copied entitlement is marked');
    await checkA11y(page, 'offer editor with examples');
    await assertClean(page, problems);
  } finally {
    await context.close();
  }
  // Young people and the public page see none of the examples.
  const offer = await (await fetch(`${BASE_URL}/api/councils/north-somerset/offer`)).json();
  assert.equal(offer.sections.flatMap((s) => s.entries).length, 0);
});
