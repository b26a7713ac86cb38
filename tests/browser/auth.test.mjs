// Signing in and out: every demo role, wrong passwords, too many tries, the
// session surviving a reload through the HttpOnly cookie (and nothing in
// browser storage), signing out, and a signed-out visit to a protected page
// going to "Sign in" and back.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  launchBrowser, newCheckedPage, gotoApp, assertClean, signIn, signOut, settled, screenshot, BASE_URL,
} from './helpers.mjs';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

/** What is kept in the browser: nothing a script can read. */
async function storage(page) {
  return page.evaluate(async () => ({
    local: localStorage.length,
    session: sessionStorage.length,
    idb: (await (indexedDB.databases?.() ?? Promise.resolve([]))).length,
    cookies: document.cookie,
  }));
}

const WALKS = [
  {
    user: 'demo-child-10',
    h1: 'Hi, Leo',
    nav: ['Home', 'My plan', 'My offer', 'Get help', 'Account'],
    links: ['My plan', 'My people', 'My offer', 'My review', 'My account'],
  },
  {
    user: 'demo-sw',
    h1: 'Hello, Sam',
    nav: ['Home', 'People', 'Reviews', 'Account', 'Get help'],
    links: ['My young people', 'Questions about plans', 'Reviews', 'Safeguarding alerts', 'Requests about the offer', 'My account'],
  },
  {
    user: 'demo-manager',
    h1: 'Hello, Pat',
    nav: ['Home', 'People', 'Reviews', 'Account', 'Get help'],
    links: ['My young people', 'Reviews', 'What young people told us', 'My account'],
  },
  {
    user: 'demo-admin',
    h1: 'Hello, Robin',
    nav: ['Home', 'People', 'Staff', 'Account', 'Get help'],
    links: ['My young people', 'Staff accounts', 'My account'],
  },
];

for (const walk of WALKS) {
  test(`${walk.user} signs in, is greeted by name and sees the pages for their role`, async () => {
    const { context, page, problems } = await newCheckedPage(browser);
    try {
      await signIn(page, walk.user);
      assert.equal(new URL(page.url()).pathname, '/');
      await page.getByRole('heading', { level: 1, name: walk.h1 }).waitFor();
      const nav = page.getByRole('navigation', { name: 'Main' });
      assert.deepEqual(
        (await nav.getByRole('link').allTextContents()).map((t) => t.trim()),
        walk.nav,
        'the bottom bar fits the role',
      );
      const main = page.locator('main');
      for (const name of walk.links) await main.getByRole('link', { name, exact: true }).waitFor();

      // Walk every page in the bottom bar.
      for (const label of walk.nav) {
        await nav.getByRole('link', { name: label, exact: true }).click();
        await page.locator('main h1').first().waitFor();
        assert.equal(await nav.getByRole('link', { name: label, exact: true }).getAttribute('aria-current'), 'page');
        await settled(page);
        assert.equal(await page.getByRole('alert').count(), 0, `no error on ${label}`);
      }
      await nav.getByRole('link', { name: 'Account', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'My account' }).waitFor();
      await main.getByText(walk.user, { exact: true }).waitFor();
      await assertClean(page, problems);
    } finally {
      await context.close();
    }
  });
}

test('a wrong password shows the server\'s words, beside a summary that takes focus', async () => {
  const { context, page, problems } = await newCheckedPage(browser);
  try {
    await gotoApp(page, '/sign-in');
    const main = page.locator('main');
    await main.getByLabel('Username').fill('demo-sw');
    await main.getByLabel('Password', { exact: true }).fill('not-the-password');
    await main.getByRole('button', { name: 'Sign in', exact: true }).click();
    const summary = page.getByRole('alert');
    await summary.getByText('do not match', { exact: false }).waitFor();
    assert.equal(await summary.evaluate((el) => el === document.activeElement), true, 'the summary has focus');
    assert.equal(new URL(page.url()).pathname, '/sign-in', 'still on sign-in');
    assert.equal(await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sign in' }).count(), 1, 'still signed out');
    await assertClean(page, problems, { allow: [/status of 401.*\/api\/auth\/login/] });
  } finally {
    await context.close();
  }
});

test('empty fields are named next to the field, with aria-invalid and aria-describedby', async () => {
  const { context, page, problems } = await newCheckedPage(browser);
  try {
    await gotoApp(page, '/sign-in');
    await page.locator('main').getByRole('button', { name: 'Sign in', exact: true }).click();
    const summary = page.getByRole('alert');
    await summary.getByRole('link', { name: 'Type your username.' }).waitFor();
    const username = page.locator('#sign-in-username');
    assert.equal(await username.getAttribute('aria-invalid'), 'true');
    const describedBy = (await username.getAttribute('aria-describedby')).split(' ');
    const errorText = await page.locator(`#${describedBy.at(-1)}`).textContent();
    assert.match(errorText, /Type your username\./);
    // The summary's link takes focus to the field.
    await summary.getByRole('link', { name: 'Type your password.' }).click();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'sign-in-password');
    await assertClean(page, problems);
  } finally {
    await context.close();
  }
});

test('the password can be shown and hidden with a real button', async () => {
  const { context, page, problems } = await newCheckedPage(browser);
  try {
    await gotoApp(page, '/sign-in');
    const password = page.locator('#sign-in-password');
    await password.fill('secret words');
    assert.equal(await password.getAttribute('type'), 'password');
    await page.getByRole('button', { name: 'Show password' }).click();
    assert.equal(await password.getAttribute('type'), 'text');
    await page.getByRole('button', { name: 'Hide password' }).click();
    assert.equal(await password.getAttribute('type'), 'password');
    assert.equal(await password.inputValue(), 'secret words');
    await assertClean(page, problems);
  } finally {
    await context.close();
  }
});

test('too many tries says how long to wait, in minutes', async () => {
  const { context, page, problems } = await newCheckedPage(browser);
  try {
    // The real throttle would lock out this address for every other test,
    // so the server's 429 is played back here.
    await page.route('**/api/auth/login', (route) => route.fulfill({
      status: 429,
      headers: { 'Retry-After': '240' },
      contentType: 'application/json',
      body: JSON.stringify({ error: 'too_many_requests', message: 'Too many tries. Wait 240 seconds and try again.' }),
    }));
    await gotoApp(page, '/sign-in');
    await page.locator('main').getByLabel('Username').fill('demo-sw');
    await page.locator('main').getByLabel('Password', { exact: true }).fill('guess');
    await page.locator('main').getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('alert').getByText('Too many tries. Please wait 4 minutes, then try again.').waitFor();
    await assertClean(page, problems, { allow: [/status of 429/] });
  } finally {
    await context.close();
  }
});

test('after a reload the app is still signed in through the cookie, and keeps nothing a script can read', async () => {
  const { context, page, problems } = await newCheckedPage(browser);
  try {
    await signIn(page, 'demo-child-10');
    await page.getByRole('heading', { level: 1, name: 'Hi, Leo' }).waitFor();
    assert.deepEqual(await storage(page), { local: 0, session: 0, idb: 0, cookies: '' });

    const cookies = await context.cookies();
    const refresh = cookies.find((c) => c.name === 'gfm_refresh');
    assert.ok(refresh, 'the server set the refresh cookie');
    assert.equal(refresh.httpOnly, true);
    assert.equal(refresh.sameSite, 'Strict');
    assert.equal(refresh.path, '/api/auth');

    const refreshed = page.waitForResponse((r) => r.url().endsWith('/api/auth/refresh') && r.status() === 200);
    await page.reload();
    await refreshed;
    await page.getByRole('heading', { level: 1, name: 'Hi, Leo' }).waitFor();
    assert.deepEqual(await storage(page), { local: 0, session: 0, idb: 0, cookies: '' });

    // The token is in memory: a deep link in a new tab of the same browser
    // signs in from the cookie too.
    const second = await context.newPage();
    await second.goto(`${BASE_URL}/account`);
    await second.getByRole('heading', { level: 1, name: 'My account' }).waitFor();
    await second.close();
    // And the first tab still works after the second rotated the cookie.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Account' }).click();
    await page.getByRole('heading', { level: 1, name: 'My account' }).waitFor();
    await settled(page);
    assert.equal(await page.getByRole('alert').count(), 0);
    await assertClean(page, problems);
  } finally {
    await context.close();
  }
});

test('two tabs opening at the same moment both stay signed in (refreshes take turns)', async () => {
  const { context, page, problems } = await newCheckedPage(browser);
  try {
    await signIn(page, 'demo-sw');
    const second = await context.newPage();
    // Refresh tokens are single use and a reused one ends the session, so
    // two tabs must not refresh with the same cookie at once.
    await Promise.all([page.goto(`${BASE_URL}/account`), second.goto(`${BASE_URL}/account`)]);
    for (const p of [page, second]) {
      await p.getByRole('heading', { level: 1, name: 'My account' }).waitFor();
      await p.locator('main').getByText('This device').waitFor();
    }
    await second.reload();
    await second.getByRole('heading', { level: 1, name: 'My account' }).waitFor();
    await second.close();
    await assertClean(page, problems);
  } finally {
    await context.close();
  }
});

test('an access token that stops working is renewed once, quietly, and the call goes through', async () => {
  const { context, page, problems } = await newCheckedPage(browser);
  try {
    await signIn(page, 'demo-sw');
    // The next call to /api/people answers 401 once, as an expired token would.
    let failed = false;
    await page.route('**/api/people', (route) => {
      if (!failed) {
        failed = true;
        return route.fulfill({ status: 401, contentType: 'application/json', body: JSON.stringify({ error: 'unauthorized', message: 'You need to sign in.' }) });
      }
      return route.continue();
    });
    const refreshed = page.waitForResponse((r) => r.url().endsWith('/api/auth/refresh') && r.status() === 200);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People' }).click();
    await refreshed;
    await page.locator('main').getByRole('link', { name: 'Leo', exact: true }).waitFor();
    assert.ok(failed);
    await assertClean(page, problems, { allow: [/status of 401.*\/api\/people/] });
  } finally {
    await context.close();
  }
});

test('signing out goes to the signed-out home, and a reload stays signed out', async () => {
  const { context, page, problems } = await newCheckedPage(browser);
  try {
    await signIn(page, 'demo-sw');
    const logout = page.waitForResponse((r) => r.url().endsWith('/api/auth/logout'));
    await signOut(page);
    assert.equal((await logout).status(), 204);
    assert.equal(new URL(page.url()).pathname, '/');
    await page.getByRole('status').getByText('You have signed out.').waitFor();
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Sign in' }).waitFor();
    await page.locator('main').getByRole('link', { name: 'I have a code from my worker' }).waitFor();

    await page.reload();
    await page.getByRole('heading', { level: 1, name: /welcome to Good for Me/i }).waitFor();
    await settled(page);
    await nav.getByRole('link', { name: 'Sign in' }).waitFor();
    // The session has ended on the server: a protected page asks to sign in.
    await gotoApp(page, '/account');
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    assert.deepEqual(await storage(page), { local: 0, session: 0, idb: 0, cookies: '' });
    await assertClean(page, problems);
  } finally {
    await context.close();
  }
});

test('a signed-out visit to a protected page goes to sign-in, then back to that page', async () => {
  const { context, page, problems } = await newCheckedPage(browser);
  try {
    await gotoApp(page, '/staff/people');
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    assert.equal(new URL(page.url()).pathname, '/sign-in');
    assert.doesNotMatch(page.url(), /\?/, 'nothing about the page asked for is put in the address');
    await page.getByRole('status').getByText('Please sign in to see that page.').waitFor();
    await signIn(page, 'demo-sw');
    await page.getByRole('heading', { level: 1, name: 'My young people' }).waitFor();
    assert.equal(new URL(page.url()).pathname, '/staff/people');
    await assertClean(page, problems);
  } finally {
    await context.close();
  }
});

test('a page for another role says so instead of breaking', async () => {
  const { context, page, problems } = await newCheckedPage(browser);
  try {
    await signIn(page, 'demo-child-10');
    await gotoApp(page, '/admin/staff');
    await page.getByRole('heading', { level: 1, name: 'This page is not for your account' }).waitFor();
    await assertClean(page, problems);
  } finally {
    await context.close();
  }
});

test('a 360x740 screenshot of the sign-in page is saved', async () => {
  const { context, page, problems } = await newCheckedPage(browser);
  try {
    await gotoApp(page, '/sign-in');
    await settled(page);
    await screenshot(page, 'sign-in-360.png');
    await assertClean(page, problems);
  } finally {
    await context.close();
  }
});
