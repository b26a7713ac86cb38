// Issue 9, the home screens. Leo (10, a review about 10 days ahead) sees at
// a glance when his review is, how many days are left and whether his form
// for it is done (then, once sent, that it is); his people; every card's
// link opens its page; the same in Arabic. Staff see the counts of their
// own lists, and each count agrees with the list its link opens: the IRO's
// reviews, the participation officer's moderation queue, the social
// worker's caseload, requests and plan questions, and Leo's views waiting
// for them. axe at 360px and at 200% zoom on both homes.
//
// Leo is put back as it found him (a review booked, nothing sent), so the
// file passes again on the same server and leaves reviews.test.mjs its
// starting point.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  launchBrowser, newCheckedPage, gotoApp, assertClean, signIn, settled, screenshot, runAxe,
  formatAxe, hasHorizontalScroll, overflowingElements, PHONE, PHONE_ZOOM_200, apiToken, api,
} from './helpers.mjs';
import { day, dateWords, leoReady } from './demo-data.mjs';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

// ---- Straight to the API: the known state, and the numbers to compare ----

/** Leo sends his form, as the form screen would. */
async function leoSendsHisForm() {
  const leo = await apiToken('demo-child-10');
  const screen = (await api(leo, 'GET', '/me/feedback')).body;
  const sent = await api(leo, 'POST', '/me/feedback', {
    submission_id: crypto.randomUUID(), review_id: screen.review.id, form_id: screen.form.id,
    answers: [{ question: 'where_i_live', scale: 4 }],
  });
  assert.equal(sent.status, 201, JSON.stringify(sent.body));
}

function daysWords(n) {
  if (n <= 0) return 'That is today.';
  if (n === 1) return 'That is tomorrow.';
  return `That is in ${n} days.`;
}

/** A young person's home card: the region named by its heading link. */
const card = (page, name) => page.locator('main').getByRole('region', { name, exact: true });

/** A staff home card, by its heading. */
const staffCard = (page, name) => page.locator('main li.link-card')
  .filter({ has: page.getByRole('heading', { level: 2, name, exact: true }) });

/** The number beside a label in a staff card's counts. */
async function countIn(cardLocator, label) {
  const row = cardLocator.locator('dl.home-counts > div').filter({ has: cardLocator.page().getByText(label, { exact: true }) });
  return Number((await row.locator('dd').innerText()).trim());
}

// ------------------------------------------------------------ young person

test("Leo's home: his review, days to go and his form; his people; every card opens its page", async () => {
  await leoReady();
  const leoToken = await apiToken('demo-child-10');
  const home = (await api(leoToken, 'GET', '/me/home')).body;
  const review = home.next_review;
  assert.ok(review, 'Leo has a review booked');
  assert.equal(review.form_done, false);

  const { context, page, problems } = await newCheckedPage(browser);
  try {
    await signIn(page, 'demo-child-10');
    await page.getByRole('heading', { level: 1, name: 'Hi, Leo' }).waitFor();
    await settled(page);

    const r = card(page, 'My review');
    await r.getByText(`Your next review meeting is on ${dateWords(review.date)}.`, { exact: true }).waitFor();
    await r.getByText(daysWords(review.days_to_go), { exact: true }).waitFor();
    await r.getByText('Your form for the meeting: not done yet.', { exact: false }).waitFor();
    assert.equal(await r.getByRole('link', { name: 'Fill in my form' }).getAttribute('href'), '/my/review/feedback');

    const people = card(page, 'My people');
    await people.getByText('Sam Patel, your social worker', { exact: true }).waitFor();
    await people.getByText('Chris Evans, your IRO', { exact: false }).waitFor();

    // The rest says what the server says, in words.
    const plan = card(page, 'My plan');
    if (home.plan === null) await plan.getByText('Your plan is not ready yet.', { exact: false }).waitFor();
    else await plan.getByText(/^Your plan (changed|was shared with you) /).waitFor();
    const unread = home.unread_notifications;
    await card(page, 'Notifications').getByText(unread === 0 ? 'No new notifications.'
      : unread === 1 ? 'You have 1 new notification.' : `You have ${unread} new notifications.`, { exact: true }).waitFor();
    await card(page, 'Positive Journeys').getByText('Talk with other young people in care', { exact: false }).waitFor();
    // No nudges: nothing red, no "you haven't".
    assert.doesNotMatch(await page.locator('main').innerText(), /you haven.t|streak/i);
    await screenshot(page, 'home-young-person-360.png');

    // Every card's link opens its page, and Home comes back.
    const nav = page.getByRole('navigation', { name: 'Main' });
    for (const [name, h1, path] of [
      ['My review', /^My review$/, '/my/review'],
      ['Fill in my form', /.+/, '/my/review/feedback'],
      ['My people', /^My people$/, '/my/people'],
      ['My plan', /^My (care |pathway )?plan$/, '/my/plan'],
      ['My offer', /^My offer$/, '/my/offer'],
      ['Notifications', /^Notifications$/, '/notifications'],
      ['Positive Journeys', /^Positive Journeys$/, '/forum'],
      ['My account', /^My account$/, '/account'],
    ]) {
      await page.locator('main').getByRole('link', { name, exact: true }).click();
      await page.waitForURL((u) => u.pathname === path);
      await page.getByRole('heading', { level: 1, name: h1 }).waitFor();
      await settled(page);
      await nav.getByRole('link', { name: 'Home', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'Hi, Leo' }).waitFor();
      await settled(page);
    }

    // Leo sends his form; his home says it is done.
    await leoSendsHisForm();
    await gotoApp(page, '/');
    await settled(page);
    await r.getByText('Your form for the meeting: done. Thank you.', { exact: true }).waitFor();
    await r.getByRole('link', { name: 'See what I sent' }).waitFor();
    assert.equal(await r.getByText('not done yet', { exact: false }).count(), 0);
    await assertClean(page, problems);
  } finally {
    await context.close();
  }

  // Sam and Chris, who read it, see Leo's views waiting; the link opens them.
  for (const user of ['demo-sw', 'demo-iro']) {
    const staff = await newCheckedPage(browser);
    try {
      await signIn(staff.page, user);
      await settled(staff.page);
      const views = staffCard(staff.page, 'Views before reviews');
      // One for this review; more if an earlier run left views unanswered.
      const waiting = (await api(await apiToken(user), 'GET', '/staff/home')).body.feedback_to_read
        .find((v) => v.name === 'Leo').waiting;
      assert.ok(waiting >= 1);
      const leo = views.getByRole('listitem').filter({ hasText: new RegExp(`^Leo \\(${waiting} not answered yet\\)$`) });
      await leo.waitFor();
      await leo.getByRole('link', { name: 'Leo', exact: true }).click();
      await staff.page.waitForURL((u) => /^\/staff\/people\/[^/]+\/feedback$/.test(u.pathname));
      await staff.page.getByRole('heading', { level: 1, name: "Leo's views" }).waitFor();
      await assertClean(staff.page, staff.problems);
    } finally {
      await staff.context.close();
    }
  }
  await leoReady();
});

test("Leo's home in Arabic: right to left, every word translated", async () => {
  await leoReady();
  const leoToken = await apiToken('demo-child-10');
  const review = (await api(leoToken, 'GET', '/me/home')).body.next_review;
  assert.equal((await api(leoToken, 'PUT', '/me/language', { language: 'ar' })).status, 200);
  const { context, page, problems } = await newCheckedPage(browser);
  try {
    await signIn(page, 'demo-child-10');
    await page.getByRole('heading', { level: 1, name: 'مرحبًا يا Leo' }).waitFor();
    await settled(page);
    assert.equal(await page.locator('html').getAttribute('dir'), 'rtl');
    const n = review.days_to_go;
    const left = n <= 0 ? 'الاجتماع اليوم.' : n === 1 ? 'الاجتماع غدًا.' : n === 2 ? 'بقي يومان.'
      : n <= 10 ? `بقيت ${n} أيام.` : `بقي ${n} يومًا.`;
    const r = card(page, 'مراجعتي');
    await r.getByText(left, { exact: true }).waitFor();
    await r.getByText('استمارتك للاجتماع: لم تُملأ بعد.', { exact: false }).waitFor();
    // No English left in what Leo reads, but names and the app's name.
    const text = (await page.locator('main').innerText())
      .replace(/Good for Me|London Borough of Bexley|Leo|Sam Patel|Chris Evans|Childline|[0-9]/g, '');
    assert.doesNotMatch(text, /[A-Za-z]{3,}/, `English on the Arabic home: ${text.match(/[A-Za-z]{3,}.{0,30}/)?.[0]}`);
    const violations = await runAxe(page);
    assert.equal(violations.length, 0, `axe on the Arabic home:\n  ${formatAxe(violations)}`);
    await screenshot(page, 'home-young-person-ar-360.png');
    await assertClean(page, problems);
  } finally {
    await context.close();
    await api(leoToken, 'PUT', '/me/language', { language: 'en' });
  }
});

test("Leo's home opens with no signal, marked \"Saved on\", from what he last saw", async () => {
  await leoReady();
  const review = (await api(await apiToken('demo-child-10'), 'GET', '/me/home')).body.next_review;
  const { context, page, problems } = await newCheckedPage(browser);
  try {
    await signIn(page, 'demo-child-10');
    await page.waitForFunction(() => navigator.serviceWorker?.controller?.state === 'activated', null, { timeout: 15_000 });
    // Seen once online, with the service worker in charge.
    await settled(page);
    await gotoApp(page, '/');
    await settled(page);
    await card(page, 'My review').getByText(daysWords(review.days_to_go), { exact: true }).waitFor();
    assert.equal(await page.locator('.saved-on').count(), 0);

    await context.setOffline(true);
    await page.reload({ waitUntil: 'load' });
    await page.getByRole('heading', { level: 1, name: 'Hi, Leo' }).waitFor({ timeout: 15_000 });
    await settled(page);
    await page.locator('.saved-on').waitFor();
    assert.match((await page.locator('.saved-on').innerText()).trim(), /^Saved on /);
    await card(page, 'My review').getByText(daysWords(review.days_to_go), { exact: true }).waitFor();
    await card(page, 'My people').getByText('Sam Patel, your social worker', { exact: true }).waitFor();
    assert.equal(await page.getByRole('alert').count(), 0, 'no error, the saved copy answers');
    await context.setOffline(false);
    await assertClean(page, problems, { allow: [/net::ERR_INTERNET_DISCONNECTED/, /net::ERR_FAILED/, /Failed to fetch/] });
  } finally {
    await context.close();
  }
});

// -------------------------------------------------------------------- staff

test("the IRO's home counts the reviews the reviews list shows", async () => {
  const counts = (await api(await apiToken('demo-iro'), 'GET', '/staff/home')).body.reviews;
  const { context, page, problems } = await newCheckedPage(browser);
  try {
    await signIn(page, 'demo-iro');
    await page.getByRole('heading', { level: 1, name: 'Hello, Chris' }).waitFor();
    await settled(page);
    const reviews = staffCard(page, 'Reviews');
    assert.equal(await countIn(reviews, 'Overdue'), counts.overdue);
    assert.equal(await countIn(reviews, 'Due in the next 4 weeks'), counts.due_soon);
    assert.equal(await countIn(reviews, 'Meetings in the next 4 weeks'), counts.booked_soon);
    assert.ok(counts.overdue + counts.due_soon + counts.booked_soon > 0, 'the demo has reviews to show');
    // The screen reader hears the counts with the link.
    const link = reviews.getByRole('link', { name: 'Reviews', exact: true });
    assert.equal(await link.getAttribute('aria-describedby'), 'home-staff-reviews-counts');
    // Nothing the IRO has no list for.
    assert.equal(await staffCard(page, 'Requests about the offer').count(), 0);
    assert.equal(await staffCard(page, 'Safeguarding alerts').count(), 0);

    await link.click();
    await page.getByRole('heading', { level: 1, name: 'Reviews' }).waitFor();
    await settled(page);
    await page.getByRole('heading', { level: 2, name: `Overdue (${counts.overdue})` }).waitFor();
    await assertClean(page, problems);
  } finally {
    await context.close();
  }
});

test("the participation officer's home counts the moderation queue", async () => {
  // A post that waits: Tyler says hello in Positive Journeys.
  const tyler = await apiToken('demo-teen-17');
  const posted = await api(tyler, 'POST', '/forum/spaces/positive-journeys/threads', {
    title: `Hello ${Date.now()}`, body: 'Hello everyone, I am new here.',
  });
  assert.equal(posted.status, 201, JSON.stringify(posted.body));
  const counts = (await api(await apiToken('demo-participation'), 'GET', '/staff/home')).body.moderation;
  assert.ok(counts.waiting >= 1);
  const { context, page, problems } = await newCheckedPage(browser);
  try {
    await signIn(page, 'demo-participation');
    await page.getByRole('heading', { level: 1, name: 'Hello, Dee' }).waitFor();
    await settled(page);
    const queue = staffCard(page, 'Forum moderation');
    assert.equal(await countIn(queue, 'Waiting for approval'), counts.waiting);
    assert.equal(await countIn(queue, 'Reported'), counts.reported);
    assert.equal(await countIn(queue, 'Up with a flagged word'), counts.flagged);
    await queue.getByRole('link', { name: 'Forum moderation', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Forum moderation' }).waitFor();
    await settled(page);
    await page.getByRole('heading', { level: 2, name: `Waiting for approval (${counts.waiting})` }).waitFor();
    // Leave the queue as it was: the post goes up.
    const mine = page.locator('main li.card').filter({ hasText: 'Hello everyone, I am new here.' }).first();
    await mine.waitFor();
    await assertClean(page, problems);
  } finally {
    await context.close();
  }
  const officer = await apiToken('demo-participation');
  await api(officer, 'POST', `/forum/moderation/posts/${posted.body.post.id}/approve`, {});
});

test("a social worker's home counts the caseload, requests and plan questions", async () => {
  const counts = (await api(await apiToken('demo-sw'), 'GET', '/staff/home')).body;
  const { context, page, problems } = await newCheckedPage(browser);
  try {
    await signIn(page, 'demo-sw');
    await page.getByRole('heading', { level: 1, name: 'Hello, Sam' }).waitFor();
    await settled(page);
    const caseload = staffCard(page, 'My young people');
    assert.equal(await countIn(caseload, 'Young people'), counts.caseload);
    const requests = staffCard(page, 'Requests about the offer');
    assert.equal(await countIn(requests, 'Open'), counts.offer_requests.open);
    assert.equal(await countIn(requests, 'Nobody has answered yet'), counts.offer_requests.new);
    assert.equal(await countIn(staffCard(page, 'Questions about plans'), 'Waiting for an answer'), counts.plan_questions);
    assert.equal(await countIn(staffCard(page, 'Safeguarding alerts'), 'Open, no response yet'), counts.safeguarding_alerts);
    await screenshot(page, 'home-social-worker-360.png');

    await caseload.getByRole('link', { name: 'My young people', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'My young people' }).waitFor();
    await settled(page);
    assert.equal(await page.locator('main ul.people > li').count(), counts.caseload);

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Home', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Hello, Sam' }).waitFor();
    await settled(page);
    await staffCard(page, 'Requests about the offer').getByRole('link', { name: 'Requests about the offer', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Requests about the offer' }).waitFor();
    await settled(page);
    assert.equal(await page.locator('main li.card').count(), counts.offer_requests.open);
    await assertClean(page, problems);
  } finally {
    await context.close();
  }
});

// ---------------------------------------------------------- accessibility

for (const [label, device] of [['360px', PHONE], ['200% zoom', PHONE_ZOOM_200]]) {
  for (const [user, h1] of [
    ['demo-child-10', 'Hi, Leo'],
    ['demo-sw', 'Hello, Sam'],
    ['demo-iro', 'Hello, Chris'],
    ['demo-participation', 'Hello, Dee'],
    ['demo-manager', 'Hello, Pat'],
  ]) {
    test(`${user}'s home at ${label}: axe, no sideways scroll, thumb-sized targets`, async () => {
      const { context, page, problems } = await newCheckedPage(browser, device);
      try {
        // Signing in lands on the home page: no second visit, which would
        // cut its requests short.
        await page.setViewportSize(PHONE.viewport);
        await signIn(page, user);
        await page.getByRole('heading', { level: 1, name: h1 }).waitFor();
        await settled(page);
        await page.setViewportSize(device.viewport);
        const violations = await runAxe(page);
        assert.equal(violations.length, 0, `axe:\n  ${formatAxe(violations)}`);
        assert.equal(await hasHorizontalScroll(page), false, JSON.stringify(await overflowingElements(page)));
        // Every card link and button is at least 24px each way (most 44px).
        const small = await page.$$eval('main a, main button', (els) => els
          .filter((el) => el.closest('p, li') === null || el.classList.contains('button') || el.classList.contains('link-card-link'))
          .map((el) => ({ text: (el.textContent || '').trim().slice(0, 40), r: el.getBoundingClientRect() }))
          .filter(({ r }) => r.width > 0 && (r.width < 24 || r.height < 24))
          .map(({ text, r }) => `${text} ${Math.round(r.width)}x${Math.round(r.height)}`));
        assert.deepEqual(small, []);
        const levels = await page.$$eval('h1, h2, h3, h4', (hs) => hs.map((h) => Number(h.tagName[1])));
        assert.equal(levels.filter((l) => l === 1).length, 1);
        for (let i = 1; i < levels.length; i++) assert.ok(levels[i] <= levels[i - 1] + 1, `levels ${levels}`);
        await assertClean(page, problems);
      } finally {
        await context.close();
      }
    });
  }
}
