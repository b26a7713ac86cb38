// The app on a phone (issue 9): installable (a valid, linked manifest with
// the icons phones need, and no installability errors), a service worker at
// the root that controls the page, an offline start for a signed-in young
// person with "Saved on", a new version offered with a button (never stuck
// on the old one), and nothing kept after signing out.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  launchBrowser, newCheckedPage, gotoApp, assertClean, signIn, signOut, settled, screenshot, BASE_URL, ORIGIN, PHONE,
} from './helpers.mjs';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

/** What a page logs when it has no network on purpose. */
const OFFLINE_NOISE = [
  /net::ERR_INTERNET_DISCONNECTED/,
  /net::ERR_FAILED/,
  /Failed to fetch/,
];

/** Poll `check` in the page until it answers true (it may be async). */
async function until(page, check, what, timeout = 10_000) {
  const end = Date.now() + timeout;
  while (Date.now() < end) {
    if (await page.evaluate(check)) return;
    await page.waitForTimeout(100);
  }
  assert.fail(`timed out waiting for ${what}`);
}

/** Wait until the service worker controls the page. */
async function controlled(page) {
  await page.waitForFunction(() => navigator.serviceWorker?.controller?.state === 'activated', null, { timeout: 15_000 });
}

async function cacheNames(page) {
  return page.evaluate(() => caches.keys());
}

/** The paths kept in every cache, by cache. */
async function cached(page) {
  return page.evaluate(async () => {
    const out = {};
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      out[name] = (await cache.keys()).map((r) => new URL(r.url).pathname + new URL(r.url).search);
    }
    return out;
  });
}

const SAVED_ON = /^Saved on \d{1,2} [A-Z][a-z]+ \d{4} \d{1,2}:\d{2}[ap]m\. You are offline/;

test('the manifest is linked and valid, with the icons phones need, and Chromium finds the app installable', async () => {
  const { context, page, problems } = await newCheckedPage(browser);
  try {
    await gotoApp(page, '/');
    const href = await page.locator('link[rel="manifest"]').getAttribute('href');
    assert.equal(href, '/manifest.webmanifest');
    assert.equal(await page.locator('meta[name="theme-color"]').getAttribute('content'), '#00576b');

    const res = await context.request.get(`${BASE_URL}${href}`);
    assert.equal(res.status(), 200);
    assert.equal(res.headers()['content-type'], 'application/manifest+json');
    const m = await res.json();
    assert.equal(m.name, 'Good for Me');
    assert.ok(m.short_name && m.short_name.length <= 12, `short name: ${m.short_name}`);
    assert.equal(m.start_url, '/');
    assert.equal(m.scope, '/');
    assert.equal(m.display, 'standalone');
    assert.equal(m.theme_color, '#00576b');
    assert.match(m.background_color, /^#[0-9a-f]{6}$/);

    // 192 and 512, for "any" and for "maskable" (Android's shaped icons).
    for (const purpose of ['any', 'maskable']) {
      for (const size of ['192x192', '512x512']) {
        assert.ok(m.icons.some((i) => i.sizes === size && i.purpose.split(' ').includes(purpose) && i.type === 'image/png'),
          `a ${size} ${purpose} PNG icon`);
      }
    }
    // Every icon is there, a PNG of the size it claims.
    for (const icon of m.icons) {
      const [w, h] = icon.sizes.split('x').map(Number);
      const size = await page.evaluate(async (src) => {
        const img = new Image();
        img.src = src;
        await img.decode();
        return [img.naturalWidth, img.naturalHeight];
      }, icon.src);
      assert.deepEqual(size, [w, h], icon.src);
    }
    const touch = await page.locator('link[rel="apple-touch-icon"]').getAttribute('href');
    assert.equal((await context.request.get(`${BASE_URL}${touch}`)).status(), 200);

    // Chromium's own reading of the manifest.
    await controlled(page);
    const cdp = await context.newCDPSession(page);
    const manifest = await cdp.send('Page.getAppManifest');
    assert.deepEqual(manifest.errors, [], JSON.stringify(manifest.errors));
    await assertClean(page, problems);
  } finally {
    await context.close();
  }

  // Chromium's install checks. A test context is a private window, where
  // nothing installs, so this one uses an ordinary (throwaway) profile.
  const dir = await mkdtemp(path.join(tmpdir(), 'gfm-install-'));
  const profile = await chromium.launchPersistentContext(dir, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    ...PHONE,
  });
  try {
    const page = profile.pages()[0] || await profile.newPage();
    await gotoApp(page, '/');
    await controlled(page);
    const cdp = await profile.newCDPSession(page);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    assert.deepEqual(installabilityErrors, [], JSON.stringify(installabilityErrors));
  } finally {
    await profile.close();
    await rm(dir, { recursive: true, force: true });
  }
});

test('the service worker is served from the root, controls the page, and keeps the app shell', async () => {
  const { context, page, problems } = await newCheckedPage(browser);
  try {
    const res = await context.request.get(`${BASE_URL}/sw.js`);
    assert.equal(res.status(), 200);
    assert.equal(res.headers()['cache-control'], 'no-cache');
    assert.equal(res.headers()['service-worker-allowed'], '/');

    await gotoApp(page, '/');
    await controlled(page);
    const reg = await page.evaluate(async () => {
      const r = await navigator.serviceWorker.getRegistration();
      return { scope: r.scope, script: r.active.scriptURL };
    });
    assert.equal(reg.scope, `${ORIGIN}/`);
    assert.equal(reg.script, `${ORIGIN}/sw.js`);

    // Every file of this build is kept: the page, the code, the styles.
    const kept = await cached(page);
    const shell = Object.keys(kept).filter((n) => n.startsWith('gfm-shell-'));
    assert.equal(shell.length, 1, JSON.stringify(Object.keys(kept)));
    const files = kept[shell[0]];
    assert.ok(files.includes('/'), 'the page');
    for (const re of [/^\/frontend-[0-9a-f]{10,16}_bg\.wasm$/, /^\/frontend-[0-9a-f]{10,16}\.js$/, /^\/style-[0-9a-f]{10,16}\.css$/, /^\/boot-[0-9a-f]{16}\.js$/]) {
      assert.ok(files.some((f) => re.test(f)), `${re} in ${files.join(', ')}`);
    }
    // The strict CSP stays on: no violation from the worker or the manifest.
    await assertClean(page, problems);
  } finally {
    await context.close();
  }
});

test('a young person opens their offer and plan with no signal, marked "Saved on"; signing out leaves nothing', async () => {
  const { context, page, problems } = await newCheckedPage(browser);
  try {
    await signIn(page, 'demo-teen-17');
    await settled(page);
    await controlled(page);
    // What Tyler has seen while online.
    await gotoApp(page, '/my/offer');
    await page.getByRole('heading', { level: 1, name: 'My offer' }).waitFor();
    await settled(page);
    const offerOnline = await page.locator('main').innerText();
    await gotoApp(page, '/my/plan');
    await page.getByRole('heading', { level: 1, name: /^My (care |pathway )?plan$/ }).waitFor();
    await settled(page);
    await gotoApp(page, '/my/people');
    await page.getByRole('heading', { level: 1, name: 'My people' }).waitFor();
    await settled(page);
    assert.equal(await page.locator('.saved-on').count(), 0, 'online pages are not "saved"');
    const kept = await cached(page);
    assert.ok(kept['gfm-data'].includes('/api/me/offer'), JSON.stringify(kept['gfm-data']));
    assert.ok(kept['gfm-data'].includes('/api/me'), 'who is signed in');

    // No signal, and the app is started again from scratch.
    await context.setOffline(true);
    await page.reload({ waitUntil: 'load' });
    await page.getByRole('heading', { level: 1, name: /^My people$/ }).waitFor({ timeout: 15_000 });
    await settled(page);
    const notice = page.locator('.saved-on');
    await notice.waitFor();
    assert.match((await notice.innerText()).trim(), SAVED_ON);
    assert.equal(await notice.getAttribute('role'), 'status');

    // Moving around offline, through the app's own links.
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'My offer' }).click();
    await page.getByRole('heading', { level: 1, name: 'My offer' }).waitFor();
    await settled(page);
    await notice.waitFor();
    assert.match((await notice.innerText()).trim(), SAVED_ON);
    // The same offer as online (entitlements, amounts), not an error.
    const offerOffline = await page.locator('main').innerText();
    const firstEntitlement = offerOnline.split('\n').find((l) => /£/.test(l));
    if (firstEntitlement) assert.ok(offerOffline.includes(firstEntitlement), `offline offer shows ${firstEntitlement}`);
    assert.equal(await page.getByText("We couldn't get", { exact: false }).count(), 0);

    await nav.getByRole('link', { name: 'My plan' }).click();
    await page.getByRole('heading', { level: 1, name: /^My (care |pathway )?plan$/ }).waitFor();
    await settled(page);
    await notice.waitFor();
    await screenshot(page, 'offline-my-plan-360.png');

    // A deep link typed with no signal opens too (the kept page, then the
    // kept data).
    await gotoApp(page, '/my/offer');
    await notice.waitFor();

    // Back online: the page says so and offers the latest.
    await context.setOffline(false);
    await page.getByText('You are back online.').waitFor();
    await Promise.all([
      page.waitForEvent('load'),
      page.getByRole('button', { name: 'Show the latest' }).click(),
    ]);
    await page.getByRole('heading', { level: 1, name: 'My offer' }).waitFor();
    await settled(page);
    assert.equal(await page.locator('.saved-on').count(), 0, 'fresh again after reload');

    // Signing out: the server's Clear-Site-Data and the app leave nothing.
    await signOut(page);
    await until(page, async () => (await caches.keys()).length === 0, 'no caches after sign-out')
      .catch(async () => assert.fail(`caches left after sign-out: ${JSON.stringify(await cached(page))}`));
    // And nothing answers for Tyler with no signal.
    await context.setOffline(true);
    const afterSignOut = await page.evaluate(async () => {
      try {
        const r = await fetch('/api/me/offer');
        return `answered ${r.status}`;
      } catch {
        return 'no answer';
      }
    });
    assert.equal(afterSignOut, 'no answer');
    await context.setOffline(false);
    await assertClean(page, problems, { allow: OFFLINE_NOISE });
  } finally {
    await context.close();
  }
});

test('a person signed out elsewhere does not leave their saved pages behind', async () => {
  const { context, page, problems } = await newCheckedPage(browser);
  try {
    await signIn(page, 'demo-leaver-19');
    await settled(page);
    await controlled(page);
    await gotoApp(page, '/my/offer');
    await settled(page);
    assert.ok((await cached(page))['gfm-data']?.length > 0);
    // The refresh cookie goes (as when the session ends on another device
    // or runs out); the next start finds nobody signed in and empties the
    // kept data.
    await context.clearCookies();
    await gotoApp(page, '/');
    await page.getByRole('heading', { level: 1, name: /welcome to Good for Me/i }).waitFor();
    await until(page, async () => !(await caches.keys()).includes('gfm-data'), 'the kept data to go');
    assert.ok((await cacheNames(page)).some((n) => n.startsWith('gfm-shell-')), 'the app itself stays');
    await assertClean(page, problems);
  } finally {
    await context.close();
  }
});

test('a new version is offered with a button, and the app is never stuck on the old one', async () => {
  const { context, page, problems } = await newCheckedPage(browser);
  try {
    await gotoApp(page, '/help');
    await controlled(page);
    const banner = page.getByText('A new version of Good for Me is ready.');
    assert.equal(await banner.count(), 0, 'no banner for the first install');

    // A new worker script (another address is a new version to the
    // browser): it installs and waits, and the app says so.
    await page.evaluate(() => navigator.serviceWorker.register('/sw.js?next'));
    await banner.waitFor({ timeout: 15_000 });
    assert.equal(await page.locator('.app-update').getAttribute('role'), 'status');
    await Promise.all([
      page.waitForEvent('load'),
      page.getByRole('button', { name: 'Reload to get it' }).click(),
    ]);
    await page.getByRole('heading', { level: 1, name: 'Get help now' }).waitFor();
    assert.equal(await page.evaluate(() => navigator.serviceWorker.controller.scriptURL), `${ORIGIN}/sw.js?next`);

    // The app registers /sw.js again: to the browser, a newer version once
    // more. Taking it ends on /sw.js with nothing waiting.
    await banner.waitFor({ timeout: 15_000 });
    await Promise.all([
      page.waitForEvent('load'),
      page.getByRole('button', { name: 'Reload to get it' }).click(),
    ]);
    await page.getByRole('heading', { level: 1, name: 'Get help now' }).waitFor();
    assert.equal(await page.evaluate(() => navigator.serviceWorker.controller.scriptURL), `${ORIGIN}/sw.js`);
    await page.waitForTimeout(1_000);
    assert.equal(await banner.count(), 0);
    assert.equal(await page.evaluate(async () => Boolean((await navigator.serviceWorker.getRegistration()).waiting)), false);
    await assertClean(page, problems);
  } finally {
    await context.close();
  }
});
