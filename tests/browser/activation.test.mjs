// A young person's first sign-in: their worker makes the account and reads
// a one-time code off the screen; the young person, on their own phone,
// types it (any case, spaces or dashes), chooses a password and lands signed
// in. Codes work once.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  launchBrowser, newCheckedPage, gotoApp, assertClean, signIn, signOut, settled, pathOf,
} from './helpers.mjs';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

/** demo-sw2 makes Riley's account (or, on a rerun, a new code) and reads the code. */
async function codeForRiley() {
  const { context, page, problems } = await newCheckedPage(browser);
  try {
    await signIn(page, 'demo-sw2');
    await gotoApp(page, await pathOf(page, { person: 'Riley' }));
    await page.getByRole('heading', { level: 1, name: 'Riley' }).waitFor();
    await settled(page);
    const main = page.locator('main');
    const create = main.getByRole('button', { name: 'Create the account' });
    let username;
    if (await create.count()) {
      username = `riley-${Date.now().toString(36)}`;
      await main.getByLabel('Username for the account').fill(username);
      await create.click();
    } else {
      await main.getByRole('button', { name: 'Make a new sign-in code' }).click();
    }
    const card = main.getByRole('region', { name: "Riley's sign-in code" });
    await card.waitFor();
    // The code card takes focus so it is read out at once.
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'code-card-title');
    await card.getByText('Hand this over in person.').waitFor();
    await card.getByText('It works once and runs out in 72 hours', { exact: false }).waitFor();
    const code = (await card.getByTestId('one-time-code').textContent()).trim();
    assert.match(code, /^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    username ??= (await card.locator('.code-username').textContent()).trim();
    // Screen readers get it spelled out.
    await card.getByText(`The code is: ${code.split('-').map((g) => g.split('').join(' ')).join(', ')}.`).waitFor();

    await card.getByRole('button', { name: 'I have written it down: hide the code' }).click();
    assert.equal(await main.getByTestId('one-time-code').count(), 0, 'the code is shown once');
    await main.getByRole('button', { name: 'Make a new sign-in code' }).waitFor();
    await signOut(page);
    await assertClean(page, problems);
    return { code, username };
  } finally {
    await context.close();
  }
}

test('a worker makes an account, and the young person activates it on their own phone', async () => {
  const { code, username } = await codeForRiley();

  // Riley's phone: a fresh browser, nobody signed in.
  const { context, page, problems } = await newCheckedPage(browser);
  try {
    await gotoApp(page, '/');
    await page.locator('main').getByRole('link', { name: 'I have a code from my worker' }).click();
    await page.getByRole('heading', { level: 1, name: 'Choose your password' }).waitFor();
    const main = page.locator('main');
    // The rules are there before typing.
    await main.getByText('Use at least 8 characters. A few words together works well', { exact: false }).waitFor();

    // Typed the way a child might: small letters, spaces instead of dashes.
    await main.getByLabel('Your code').fill(code.toLowerCase().replaceAll('-', ' '));
    const password = main.getByLabel('Choose a password');
    await password.pressSequentially('short');
    await main.getByText('Not yet:', { exact: false }).waitFor();
    await password.fill('');
    await password.pressSequentially('purple tiger jumps');
    await main.getByText('Good: this password can be used.').waitFor();
    assert.match(await password.getAttribute('aria-describedby'), /activate-password-check/);

    await main.getByRole('button', { name: 'Set my password and sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Hi, Riley' }).waitFor();
    assert.equal(new URL(page.url()).pathname, '/');
    await page.getByRole('status').getByText(`Your username is ${username}.`, { exact: false }).waitFor();

    // Still signed in after a reload, with nothing in storage.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Hi, Riley' }).waitFor();
    assert.deepEqual(
      await page.evaluate(() => [localStorage.length, sessionStorage.length]),
      [0, 0],
    );
    await assertClean(page, problems);
  } finally {
    await context.close();
  }

  // The same code a second time: refused, with what to do.
  const again = await newCheckedPage(browser);
  try {
    await gotoApp(again.page, '/activate');
    const main = again.page.locator('main');
    await main.getByLabel('Your code').fill(code);
    await main.getByLabel('Choose a password').fill('another good password');
    await main.getByRole('button', { name: 'Set my password and sign in' }).click();
    const summary = again.page.getByRole('alert');
    await summary.getByText('That code has already been used. Ask your worker for a new one.').waitFor();
    const field = again.page.locator('#activate-code');
    assert.equal(await field.getAttribute('aria-invalid'), 'true');
    await again.page.locator('#activate-code-error').getByText('already been used', { exact: false }).waitFor();
    await assertClean(again.page, again.problems, { allow: [/status of 422/] });
  } finally {
    await again.context.close();
  }
});

test('an expired code says to ask the worker for a new one, beside the code', async () => {
  const { context, page, problems } = await newCheckedPage(browser);
  try {
    await page.route('**/api/auth/activate', (route) => route.fulfill({
      status: 422,
      contentType: 'application/json',
      body: JSON.stringify({ error: 'validation', message: 'That code has run out. Ask your worker for a new one.', field: 'code' }),
    }));
    await gotoApp(page, '/activate');
    const main = page.locator('main');
    await main.getByLabel('Your code').fill('ABCD-EFGH-JKMN');
    await main.getByLabel('Choose a password').fill('purple tiger jumps');
    await main.getByRole('button', { name: 'Set my password and sign in' }).click();
    await page.locator('#activate-code-error').getByText('That code has run out. Ask your worker for a new one.').waitFor();
    await page.getByRole('alert').getByRole('link', { name: 'That code has run out. Ask your worker for a new one.' }).waitFor();
    await assertClean(page, problems, { allow: [/status of 422/] });
  } finally {
    await context.close();
  }
});

test('a code of the wrong length is caught before it is sent', async () => {
  const { context, page, problems } = await newCheckedPage(browser);
  try {
    let sent = false;
    await page.route('**/api/auth/activate', (route) => { sent = true; return route.continue(); });
    await gotoApp(page, '/activate');
    const main = page.locator('main');
    await main.getByLabel('Your code').fill('ABCD-EFG');
    await main.getByLabel('Choose a password').fill('password');
    await main.getByRole('button', { name: 'Set my password and sign in' }).click();
    const summary = page.getByRole('alert');
    await summary.getByText('The code has 12 letters and numbers', { exact: false }).waitFor();
    await summary.getByText('one of the most common ones', { exact: false }).waitFor();
    assert.equal(sent, false);
    await assertClean(page, problems);
  } finally {
    await context.close();
  }
});
