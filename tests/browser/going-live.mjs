// The first administrator of a new council, in a real browser, through the
// production nginx site: scripts/going-live.sh runs this (it is not one of
// the *.test.mjs files, which start their own demo servers).
//
//   BASE_URL=https://127.0.0.1:PORT TLS_SPKI=... ADMIN_CODE=XXXX-XXXX-XXXX \
//   ADMIN_USERNAME=... ADMIN_FIRST_NAME=... node --test going-live.mjs
//
// The certificate is the run's own self-signed one: this browser trusts its
// key (TLS_SPKI, the SHA-256 of its public key, base64), and nothing else,
// so the service worker registers as it would on a council's site.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  launchBrowser, newCheckedPage, gotoApp, assertClean, signIn, signOut, checkA11y, PHONE,
} from './helpers.mjs';

const { ADMIN_CODE, ADMIN_USERNAME, ADMIN_FIRST_NAME } = process.env;
const PASSWORD = 'a council goes live today';

let browser;
before(async () => {
  assert.ok(process.env.TLS_SPKI, 'TLS_SPKI is set');
  browser = await launchBrowser([`--ignore-certificate-errors-spki-list=${process.env.TLS_SPKI}`]);
});
after(async () => { await browser?.close(); });

test('the first administrator activates with the printed code and signs in', async () => {
  assert.ok(ADMIN_CODE && ADMIN_USERNAME && ADMIN_FIRST_NAME, 'ADMIN_CODE, ADMIN_USERNAME and ADMIN_FIRST_NAME are set');
  const { context, page, problems } = await newCheckedPage(browser, PHONE);
  try {
    await gotoApp(page, '/activate');
    const main = page.locator('main');
    await main.getByLabel('Your code').fill(ADMIN_CODE);
    await main.getByLabel('Choose a password').fill(PASSWORD);
    await main.getByRole('button', { name: 'Set my password and sign in' }).click();
    await page.getByRole('heading', { level: 1, name: `Hello, ${ADMIN_FIRST_NAME}` }).waitFor();
    await page.getByRole('status').getByText(`Your username is ${ADMIN_USERNAME}.`, { exact: false }).waitFor();
    await signOut(page);

    await signIn(page, ADMIN_USERNAME, PASSWORD);
    await page.getByRole('heading', { level: 1, name: `Hello, ${ADMIN_FIRST_NAME}` }).waitFor();
    // An administrator's home leads to the staff accounts.
    await page.locator('main').getByRole('link', { name: 'Staff accounts' }).waitFor();
    await checkA11y(page, 'a new council\'s administrator home');
    await assertClean(page, problems);
  } finally {
    await context.close();
  }
});
