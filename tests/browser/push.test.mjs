// Push notifications on the phone (issue 7): the permission prompt only
// after a tap on a button that says why (never on load); a push delivered to
// the service worker (through the DevTools protocol: headless Chromium has
// no push service) is shown with a neutral title and its id as the tag, and
// a tap opens the review page; the in-app list works without push, with
// "Mark as read"; the header shows a plain unread count; choices of what
// reaches the phone and quiet hours are saved.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  launchBrowser, newCheckedPage, gotoApp, assertClean, signIn, settled, runAxe, formatAxe,
  screenshot, ORIGIN, PHONE_ZOOM_200, apiToken, api,
} from './helpers.mjs';
import { day } from './demo-data.mjs';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

const YOUNG_PERSON = 'demo-teen-17';
/** Headless Chromium's test profile has no push service: it says so. */
const NO_PUSH_SERVICE = [/does not support the Push API in incognito mode/];

/** Counts every call that could show the permission prompt. */
async function watchPrompts(context) {
  await context.addInitScript(() => {
    window.__prompts = 0;
    if (window.Notification) {
      const ask = Notification.requestPermission.bind(Notification);
      Notification.requestPermission = (...args) => {
        window.__prompts += 1;
        return ask(...args);
      };
    }
    if (window.PushManager) {
      const subscribe = PushManager.prototype.subscribe;
      PushManager.prototype.subscribe = function (...args) {
        window.__prompts += 1;
        return subscribe.apply(this, args);
      };
    }
  });
}

/** The notifications the service worker shows with this tag (polled). */
async function shownWithTag(page, tag) {
  for (let i = 0; i < 100; i++) {
    const list = await page.evaluate(async (t) => {
      const reg = await navigator.serviceWorker.getRegistration();
      return (await reg.getNotifications({ tag: t }))
        .map((n) => ({ title: n.title, body: n.body, tag: n.tag, data: n.data, dir: n.dir, lang: n.lang }));
    }, tag);
    if (list.length) return list;
    await page.waitForTimeout(100);
  }
  return [];
}

async function controlled(page) {
  await page.waitForFunction(() => navigator.serviceWorker?.controller?.state === 'activated', null, { timeout: 15_000 });
}

/**
 * Tyler's IRO moves his booked review to 14 days ahead (15 if it is there
 * already), which tells Tyler; answers his new notification and how to put
 * the review back.
 */
async function moveTylersReview() {
  const iro = await apiToken('demo-iro');
  const people = await api(iro, 'GET', '/people');
  const tyler = people.body.find((p) => p.preferred_name === 'Tyler');
  assert.ok(tyler, 'Tyler is on the IRO\'s list');
  const reviews = await api(iro, 'GET', `/people/${tyler.id}/reviews`);
  const booked = reviews.body.reviews.find((r) => r.status === 'booked');
  assert.ok(booked, 'Tyler has a booked review');
  const me = await apiToken(YOUNG_PERSON);
  const before = new Set((await api(me, 'GET', '/me/notifications')).body.map((n) => n.id));
  const date = booked.date === day(14) ? day(15) : day(14);
  const moved = await api(iro, 'PATCH', `/people/${tyler.id}/reviews`, { review_id: booked.id, date });
  assert.equal(moved.status, 200, JSON.stringify(moved.body));
  const fresh = (await api(me, 'GET', '/me/notifications')).body.filter((n) => !before.has(n.id));
  assert.equal(fresh.length, 1, JSON.stringify(fresh));
  const restore = () => api(iro, 'PATCH', `/people/${tyler.id}/reviews`, { review_id: booked.id, date: booked.date });
  return { notification: fresh[0], restore, token: me };
}

test('the permission prompt never shows on its own; "Turn on" explains why first and asks only when tapped', async () => {
  const { context, page, problems } = await newCheckedPage(browser);
  await watchPrompts(context);
  try {
    await signIn(page, YOUNG_PERSON);
    await settled(page);
    await controlled(page);
    for (const path of ['/', '/notifications', '/account/notifications']) {
      await gotoApp(page, path);
      await settled(page);
    }
    assert.equal(await page.evaluate(() => window.__prompts), 0, 'nothing asked on load');
    assert.equal(await page.evaluate(() => Notification.permission), 'default');

    await page.getByRole('heading', { level: 1, name: 'Notification settings' }).waitFor();
    const main = page.locator('main');
    await main.getByText('The message on your lock screen only says "You have an update".').waitFor();
    await main.getByText('Notifications are off for this phone.').waitFor();

    // The person says no to the browser's prompt: nothing changes, and the
    // page says how to change their mind.
    await main.getByRole('button', { name: 'Turn on notifications on this phone' }).click();
    await main.locator('.push-state').getByText('Notifications are blocked for Good for Me in this browser.', { exact: false }).waitFor();
    assert.equal(await page.evaluate(() => window.__prompts), 1, 'asked once, on the tap');
    assert.equal(await main.getByRole('button', { name: 'Turn on notifications on this phone' }).count(), 0);
    await assertClean(page, problems);
  } finally {
    await context.close();
  }
});

test('allowed, but the browser has no push service: a clear message, and the list still works', async () => {
  const { context, page, problems } = await newCheckedPage(browser);
  await watchPrompts(context);
  try {
    await signIn(page, YOUNG_PERSON);
    await settled(page);
    await controlled(page);
    await gotoApp(page, '/account/notifications');
    await settled(page);
    const main = page.locator('main');
    const turnOn = main.getByRole('button', { name: 'Turn on notifications on this phone' });
    await turnOn.waitFor();
    // The person taps "Allow" (granted the way a test can).
    await context.grantPermissions(['notifications'], { origin: ORIGIN });
    await turnOn.click();
    await main.getByText("This phone's browser couldn't set up notifications just now.", { exact: false })
      .waitFor({ timeout: 30_000 });
    // It asked (prompt, then subscribe), stored nothing, and still offers.
    assert.equal(await page.evaluate(() => window.__prompts), 2);
    await main.getByText('Notifications are off for this phone.').waitFor();
    const token = await apiToken(YOUNG_PERSON);
    assert.deepEqual((await api(token, 'GET', '/me/push-subscriptions')).body, []);
    assert.equal(await turnOn.count(), 1);
    await assertClean(page, problems, { allow: NO_PUSH_SERVICE });
  } finally {
    await context.close();
  }
});

test('a push is shown with a neutral title and its id as the tag, and a tap opens the review page', async () => {
  const { notification, restore, token } = await moveTylersReview();
  const { context, page, problems } = await newCheckedPage(browser);
  try {
    await context.grantPermissions(['notifications'], { origin: ORIGIN });
    await signIn(page, YOUNG_PERSON);
    await settled(page);
    await controlled(page);

    // The header counts it, in words.
    const header = page.locator('header');
    const link = header.getByRole('link', { name: /^Notifications/ });
    await link.waitFor();
    await header.getByText(/^\d+ new$/).waitFor();
    const unreadBefore = Number((await header.getByText(/^\d+ new$/).innerText()).split(' ')[0]);
    assert.ok(unreadBefore >= 1);

    // The push service's message, as the server sends it (after
    // decryption): an id, a neutral title and a link, nothing else.
    const cdp = await context.newCDPSession(page);
    const registrations = [];
    cdp.on('ServiceWorker.workerRegistrationUpdated', (e) => registrations.push(...e.registrations));
    await cdp.send('ServiceWorker.enable');
    await page.waitForFunction(() => true);
    for (let i = 0; i < 50 && !registrations.some((r) => r.scopeURL === `${ORIGIN}/` && !r.isDeleted); i++) {
      await page.waitForTimeout(100);
    }
    const registration = registrations.find((r) => r.scopeURL === `${ORIGIN}/` && !r.isDeleted);
    assert.ok(registration, 'the app\'s service worker registration');
    const payload = {
      id: notification.id,
      title: 'You have an update',
      link: `/notifications/${notification.id}`,
      urgent: false,
    };
    await cdp.send('ServiceWorker.deliverPushMessage', {
      origin: ORIGIN,
      registrationId: registration.registrationId,
      data: JSON.stringify(payload),
    });
    const shown = (await shownWithTag(page, notification.id)).map(({ dir, lang, ...n }) => n);
    assert.equal(shown.length, 1);
    assert.deepEqual(shown[0], {
      title: 'You have an update',
      body: 'Open Good for Me to see it.',
      tag: notification.id,
      data: { id: notification.id, link: `/notifications/${notification.id}` },
    });
    // The same message again (a resend) replaces itself: still one.
    await cdp.send('ServiceWorker.deliverPushMessage', {
      origin: ORIGIN, registrationId: registration.registrationId, data: JSON.stringify(payload),
    });
    await page.waitForTimeout(500);
    assert.equal(await page.evaluate(async (tag) => (await (await navigator.serviceWorker.getRegistration()).getNotifications({ tag })).length, notification.id), 1);
    // Nothing about Tyler or his review is on the lock screen.
    assert.doesNotMatch(JSON.stringify(shown), /Tyler|review|college|December/i);

    // The tap: the worker's notificationclick work, with the notification's
    // own data (a test cannot tap a system notification). The open app
    // goes to the link: marked read, then the review page.
    await gotoApp(page, '/help');
    const worker = context.serviceWorkers().find((w) => w.url() === `${ORIGIN}/sw.js`);
    assert.ok(worker, 'the service worker');
    const opened = await worker.evaluate((data) => self.openFromNotification(data), shown[0].data);
    assert.deepEqual(opened, { opened: 'existing', link: `/notifications/${notification.id}` });
    await page.waitForURL((url) => url.pathname === '/my/review', { timeout: 10_000 });
    await page.locator('main h1').first().waitFor();
    assert.match(await page.locator('main h1').first().innerText(), /review/i);
    // Read now, on the server and in the header.
    let read = false;
    for (let i = 0; i < 50 && !read; i++) {
      read = (await api(token, 'GET', '/me/notifications')).body.find((n) => n.id === notification.id)?.read;
      if (!read) await page.waitForTimeout(100);
    }
    assert.equal(read, true);
    // The header agrees with the server (which may have had news for Tyler
    // meanwhile, so this is the server's own count, not "one fewer").
    const after = (await api(token, 'GET', '/me/notifications')).body.filter((n) => !n.read).length;
    if (after > 0) await header.getByText(`${after} new`).waitFor();
    else await page.waitForFunction(() => !/\d+ new/.test(document.querySelector('header').innerText), null, { timeout: 5_000 })
      .catch(async () => assert.fail(`header: ${await header.innerText()}; before ${unreadBefore}`));

    // A link that is not the app's own never opens.
    const unsafe = await worker.evaluate((data) => self.openFromNotification(data), { link: 'https://example.com/' });
    assert.equal(unsafe.link, '/notifications');
    await page.waitForURL((url) => url.pathname === '/notifications');
    await settled(page);
    await assertClean(page, problems);
  } finally {
    await context.close();
    await restore();
  }
});

test('the in-app list works without push: each links into the app, "Mark as read", "Mark all as read" and "Delete"', async () => {
  const { notification, restore } = await moveTylersReview();
  const { context, page, problems } = await newCheckedPage(browser);
  try {
    await signIn(page, YOUNG_PERSON);
    await settled(page);
    await page.locator('header').getByRole('link', { name: /^Notifications/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Notifications' }).waitFor();
    await settled(page);
    const main = page.locator('main');
    // Newest first: the first with these words is the one just made.
    const item = main.locator('li', { hasText: notification.body }).first();
    await item.waitFor();
    await item.getByText('New', { exact: true }).waitFor();
    assert.equal(await item.getByRole('link', { name: notification.body }).getAttribute('href'), '/my/review');

    await item.getByRole('button', { name: /^Mark as read/ }).click();
    await main.getByText('Marked as read.').waitFor();
    await page.waitForFunction((body) => {
      const li = [...document.querySelectorAll('main li')].find((l) => l.textContent.includes(body));
      return li && !/\bNew\b/.test(li.querySelector('.notification-meta').textContent);
    }, notification.body);

    if (await main.getByRole('button', { name: 'Mark all as read' }).count()) {
      await main.getByRole('button', { name: 'Mark all as read' }).click();
      await main.getByText('Done. Everything is marked as read.').waitFor();
    }
    await page.waitForFunction(() => !document.querySelector('main .notification-new'));
    await page.waitForFunction(() => !/\d+ new/.test(document.querySelector('header').innerText));

    // Each one opens the page it is about.
    await item.getByRole('link', { name: notification.body }).click();
    await page.waitForURL((url) => url.pathname === '/my/review');
    await page.locator('main h1').first().waitFor();
    await settled(page);

    // Axe on the list, at 360px and at 200% zoom.
    await gotoApp(page, '/notifications');
    await settled(page);
    let violations = await runAxe(page);
    assert.equal(violations.length, 0, formatAxe(violations));
    await screenshot(page, 'notifications-360.png');
    await page.setViewportSize(PHONE_ZOOM_200.viewport);
    violations = await runAxe(page);
    assert.equal(violations.length, 0, formatAxe(violations));

    // "Delete": it is gone, and stays gone after a reload.
    const listed = () => main.locator('li', { hasText: notification.body }).count();
    const before = await listed();
    await main.locator('li', { hasText: notification.body }).first()
      .getByRole('button', { name: /^Delete/ }).click();
    await main.getByText('Deleted. It is gone from your list.').waitFor();
    await page.waitForFunction(([body, n]) => [...document.querySelectorAll('main li')]
      .filter((l) => l.textContent.includes(body)).length === n, [notification.body, before - 1]);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Notifications' }).waitFor();
    await settled(page);
    assert.equal(await listed(), before - 1);
    await assertClean(page, problems);
  } finally {
    await context.close();
    await restore();
  }
});

test('a tapped notification that is not mine (or gone) says so, with a way to the list', async () => {
  const { context, page, problems } = await newCheckedPage(browser);
  try {
    await signIn(page, YOUNG_PERSON);
    await settled(page);
    await gotoApp(page, '/notifications/00000000-0000-4000-8000-000000000000');
    await page.getByRole('heading', { level: 1, name: "We can't find that notification" }).waitFor();
    await page.locator('main').getByRole('link', { name: 'See all your notifications' }).click();
    await page.getByRole('heading', { level: 1, name: 'Notifications' }).waitFor();
    await assertClean(page, problems);
  } finally {
    await context.close();
  }
});

test('choices of what reaches the phone and quiet hours are saved, and bad times are named', async () => {
  const { context, page, problems } = await newCheckedPage(browser);
  const token = await apiToken(YOUNG_PERSON);
  const original = (await api(token, 'GET', '/me/notification-preferences')).body;
  try {
    await signIn(page, YOUNG_PERSON);
    await settled(page);
    await gotoApp(page, '/account/notifications');
    await settled(page);
    const main = page.locator('main');
    const reminders = main.getByLabel('Reminders before your review meetings');
    await reminders.waitFor();
    await main.getByText('From 21:00 to 07:00, nothing reaches your phone.', { exact: false }).waitFor();

    await reminders.uncheck();
    await main.getByLabel('Quiet from').fill('22:30');
    await main.getByRole('button', { name: 'Save my choices' }).click();
    await main.getByText('Saved. Your choices are kept for every phone you use.').waitFor();
    await main.getByText('From 22:30 to 07:00, nothing reaches your phone.', { exact: false }).waitFor();

    const saved = (await api(token, 'GET', '/me/notification-preferences')).body;
    assert.equal(saved.kinds.find((k) => k.kind === 'review_reminder').push, false);
    assert.deepEqual(saved.quiet_hours, { start: '22:30', end: '07:00' });

    // After a reload the page shows what was saved.
    await gotoApp(page, '/account/notifications');
    await settled(page);
    assert.equal(await main.getByLabel('Reminders before your review meetings').isChecked(), false);
    assert.equal(await main.getByLabel('Quiet from').inputValue(), '22:30');

    // Axe on the settings, at 360px and 200% zoom.
    let violations = await runAxe(page);
    assert.equal(violations.length, 0, formatAxe(violations));
    await screenshot(page, 'notification-settings-360.png');
    await page.setViewportSize(PHONE_ZOOM_200.viewport);
    violations = await runAxe(page);
    assert.equal(violations.length, 0, formatAxe(violations));
    await assertClean(page, problems);
  } finally {
    await context.close();
    await api(token, 'PUT', '/me/notification-preferences', {
      kinds: original.kinds.filter((k) => k.can_turn_off).map((k) => ({ kind: k.kind, push: k.push })),
      quiet_hours: original.quiet_hours,
    });
  }
});

test('in Arabic: the settings and the list read right to left, and a push on the lock screen is in Arabic', async () => {
  const token = await apiToken(YOUNG_PERSON);
  const { context, page, problems } = await newCheckedPage(browser);
  try {
    await context.grantPermissions(['notifications'], { origin: ORIGIN });
    await signIn(page, YOUNG_PERSON);
    await settled(page);
    assert.equal((await api(token, 'PUT', '/me/language', { language: 'ar' })).status, 200);
    await gotoApp(page, '/account/notifications');
    await page.waitForFunction(() => document.documentElement.lang === 'ar', null, { timeout: 15_000 });
    assert.equal(await page.evaluate(() => document.documentElement.dir), 'rtl');
    await page.getByRole('heading', { level: 1, name: 'إعدادات الإشعارات' }).waitFor();
    await settled(page);
    await page.locator('main').getByRole('button', { name: 'شغّل الإشعارات على هذا الهاتف' }).waitFor();
    await page.locator('main').getByLabel('تذكيرات قبل اجتماعات المراجعة').waitFor();
    let violations = await runAxe(page);
    assert.equal(violations.length, 0, formatAxe(violations));
    await gotoApp(page, '/notifications');
    await page.getByRole('heading', { level: 1, name: 'الإشعارات' }).waitFor();
    await settled(page);
    violations = await runAxe(page);
    assert.equal(violations.length, 0, formatAxe(violations));
    await page.locator('header').getByRole('link', { name: /^الإشعارات/ }).waitFor();

    // The worker has been told the language: the lock screen reads Arabic.
    await controlled(page);
    const cdp = await context.newCDPSession(page);
    const registrations = [];
    cdp.on('ServiceWorker.workerRegistrationUpdated', (e) => registrations.push(...e.registrations));
    await cdp.send('ServiceWorker.enable');
    for (let i = 0; i < 50 && !registrations.some((r) => r.scopeURL === `${ORIGIN}/` && !r.isDeleted); i++) {
      await page.waitForTimeout(100);
    }
    const registration = registrations.find((r) => r.scopeURL === `${ORIGIN}/` && !r.isDeleted);
    await cdp.send('ServiceWorker.deliverPushMessage', {
      origin: ORIGIN,
      registrationId: registration.registrationId,
      data: JSON.stringify({ id: 'arabic-check', title: 'You have an update', link: '/notifications', urgent: false }),
    });
    const [{ title, body, dir, lang }] = await shownWithTag(page, 'arabic-check');
    const shown = { title, body, dir, lang };
    assert.deepEqual(shown, { title: 'لديك تحديث جديد', body: 'افتح تطبيق Good for Me لتراه.', dir: 'rtl', lang: 'ar' });
    await assertClean(page, problems);
  } finally {
    await context.close();
    await api(token, 'PUT', '/me/language', { language: 'en' });
  }
});
