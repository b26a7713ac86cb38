// "My account": who looked at a young person's records (in plain words),
// where they are signed in (and signing out another device), changing the
// password.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  launchBrowser, newCheckedPage, gotoApp, assertClean, signIn, settled, pathOf, screenshot, DEMO_PASSWORD, PHONE, BASE_URL,
} from './helpers.mjs';

/** Put a demo password back through the API if a test left it changed. */
async function restorePassword(username, from) {
  const login = await fetch(`${BASE_URL}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password: from }),
  });
  if (!login.ok) return;
  const { access_token: token } = await login.json();
  await fetch(`${BASE_URL}/api/me/password`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify({ current_password: from, new_password: DEMO_PASSWORD }),
  });
}

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

test("a young person sees who looked at their records, in plain words, with friendly dates", async () => {
  // Leo's social worker opens his record.
  const sw = await newCheckedPage(browser);
  try {
    await signIn(sw.page, 'demo-sw');
    await gotoApp(sw.page, await pathOf(sw.page, { person: 'Leo' }));
    await sw.page.getByRole('heading', { level: 2, name: 'About Leo' }).waitFor();
    await settled(sw.page);
    await assertClean(sw.page, sw.problems);
  } finally {
    await sw.context.close();
  }

  const { context, page, problems } = await newCheckedPage(browser, PHONE);
  try {
    await signIn(page, 'demo-child-10');
    await gotoApp(page, '/account');
    await settled(page);
    const section = page.getByRole('region', { name: 'Who has looked at my records' });
    await section.getByText('so you always know who has looked', { exact: false }).waitFor();
    const item = section.getByRole('listitem').filter({ hasText: 'Your social worker, Sam Patel, looked at your details.' }).first();
    await item.waitFor();
    assert.match(await item.textContent(), /^Today at \d{1,2}:\d{2}(am|pm)/, 'a friendly date');
    // The child's own looks are not listed.
    assert.equal(await section.getByText('Leo', { exact: false }).count(), 0);
    await screenshot(page, 'account-young-person-360.png');
    await assertClean(page, problems);
  } finally {
    await context.close();
  }
});

test('staff do not get a "who looked" list; everyone sees who they are', async () => {
  const { context, page, problems } = await newCheckedPage(browser);
  try {
    await signIn(page, 'demo-manager');
    await gotoApp(page, '/account');
    await settled(page);
    const who = page.getByRole('region', { name: 'Who you are signed in as' });
    await who.getByText('Pat Singh').waitFor();
    await who.getByText('Team manager').waitFor();
    assert.equal(await page.getByRole('region', { name: 'Who has looked at my records' }).count(), 0);
    await assertClean(page, problems);
  } finally {
    await context.close();
  }
});

test('sessions: this device is marked, and another device can be signed out from here', async () => {
  const phone = await newCheckedPage(browser);
  const laptop = await newCheckedPage(browser);
  try {
    await signIn(laptop.page, 'demo-teen-14');
    await signIn(phone.page, 'demo-teen-14');
    await gotoApp(phone.page, '/account');
    await settled(phone.page);
    const list = phone.page.getByRole('region', { name: 'Where you are signed in' });
    const mine = list.getByRole('listitem').filter({ hasText: 'This device' });
    assert.equal(await mine.count(), 1);
    assert.equal(await mine.getByRole('button').count(), 0, 'no button to sign out the device in hand');
    const others = list.getByRole('listitem').filter({ hasNotText: 'This device' });
    assert.ok(await others.count() >= 1);
    const button = others.first().getByRole('button', { name: /^Sign out .+, signed in / });
    await button.click();
    await list.getByRole('status').getByText('is signed out.', { exact: false }).waitFor();

    // The laptop finds out at its next call, and is taken to sign in.
    await laptop.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Account' }).click();
    await laptop.page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor({ timeout: 15_000 });
    await assertClean(phone.page, phone.problems);
    await assertClean(laptop.page, laptop.problems, { allow: [/status of 401/] });
  } finally {
    await phone.context.close();
    await laptop.context.close();
  }
});

test('changing the password: the current one is checked, the new one is checked as it is typed', async () => {
  const { context, page, problems } = await newCheckedPage(browser);
  const NEW = 'a brand new password';
  try {
    await signIn(page, 'demo-leaver-23');
    await gotoApp(page, '/account');
    const form = page.getByRole('region', { name: 'Change your password' });
    await form.getByLabel('Your password now').fill('not it');
    const next = form.getByLabel('Your new password');
    await next.pressSequentially('demo-leaver-23');
    await form.getByText('cannot be the same as your username', { exact: false }).waitFor();
    await next.fill('');
    await next.pressSequentially(NEW);
    await form.getByText('Good: this password can be used.').waitFor();
    await form.getByRole('button', { name: 'Change my password' }).click();
    await page.locator('#current-password-error').getByText('Your current password is not right', { exact: false }).waitFor();

    await form.getByLabel('Your password now').fill(DEMO_PASSWORD);
    await form.getByRole('button', { name: 'Change my password' }).click();
    await form.getByRole('status').getByText('Your password has changed.', { exact: false }).waitFor();
    assert.equal(await form.getByLabel('Your new password').inputValue(), '', 'the fields are emptied');

    // And back, so the demo stays as documented.
    await form.getByLabel('Your password now').fill(NEW);
    await form.getByLabel('Your new password').fill(DEMO_PASSWORD);
    await form.getByRole('button', { name: 'Change my password' }).click();
    await page.waitForResponse((r) => r.url().endsWith('/api/me/password') && r.status() === 204);
    await assertClean(page, problems, { allow: [/status of 422/] });
  } finally {
    await context.close();
    await restorePassword('demo-leaver-23', NEW);
  }
});
