// Issue 6, the staff screens around reviews: the administrator revises the
// 8 to 11 "good for me" form (new wording, a question moved, one added, one
// taken out) and publishes it as a new version, and Leo then gets the new
// wording; the administrator sets the council's review promise and the IRO
// sees schedules worked out with it; the IRO moves Leo's booked review and
// the new day and place show, to the IRO and to Leo.
//
// Each test puts back what it changed (the form as it was, as a further
// version; the promise; Leo's booking), so reviews.test.mjs and a rerun on
// the same server find the demo data as they expect.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  launchBrowser, newCheckedPage, gotoApp, assertClean, signIn, settled, pathOf, PHONE, checkA11y,
  apiToken, api,
} from './helpers.mjs';
import { day, dateWords, leoId, leoReady, saveLanguage } from './demo-data.mjs';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

// Going to another address at once cuts short what the last page was still
// asking (the home page's summary, the check for new notifications).
const MOVED_ON = [/\/api\/(me|staff)\/(home|notifications)(\?[^ ]*)?: net::ERR_ABORTED$/];

// ---- Straight to the API, only to put the demo data in a known state ----

/**
 * A draft Leo started keeps the form version it started on. Start it again
 * on the version in use now (empty), so the form he opens is the current one.
 */
async function leoDraftOnCurrentForm(admin) {
  const leo = await apiToken('demo-child-10');
  const screen = (await api(leo, 'GET', '/me/feedback')).body;
  if (!screen || !screen.draft) return;
  const current = (await api(admin, 'GET', '/feedback/forms')).body.find((f) => f.key === 'from8_to11').current;
  if (screen.form.id === current.id) return;
  const saved = await api(leo, 'PUT', '/me/feedback/draft', { review_id: screen.review.id, form_id: current.id, answers: [] });
  assert.equal(saved.status, 200, JSON.stringify(saved.body));
}

/**
 * Publishes `before` again, with its Arabic (sent in full: the server keeps
 * no Arabic for reworded English), and Leo's draft, if any, on it.
 */
async function restoreForm(admin, before) {
  const restored = await api(admin, 'POST', '/feedback/forms', {
    key: before.key, title: before.title, intro: before.intro, with_adult: before.with_adult,
    questions: before.questions, translations: { ar: {}, ...before.translations },
  });
  assert.equal(restored.status, 201, JSON.stringify(restored.body));
  assert.deepEqual(restored.body.translations ?? {}, before.translations ?? {}, 'the Arabic is as it was');
  await leoDraftOnCurrentForm(admin);
}

// ---- Helpers on the page ----

const WORDING = "The question, in the young person's words";

/** Waits until this element has focus (the app moves focus once it has drawn). */
async function hasFocus(locator, what) {
  for (let i = 0; i < 50; i += 1) {
    if (await locator.evaluate((el) => el === document.activeElement)) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  assert.fail(`${what} does not have focus`);
}

test('the administrator revises the 8 to 11 form and publishes it; Leo then gets the new wording on a new form', async () => {
  await leoReady();
  const admin = await apiToken('demo-admin');
  const before = (await api(admin, 'GET', '/feedback/forms')).body.find((f) => f.key === 'from8_to11').current;
  await leoDraftOnCurrentForm(admin);
  const keys = before.questions.map((q) => q.key);
  const school = keys.indexOf('school');
  assert.ok(school > 0, 'the 8 to 11 form asks about school, not first');

  const { page, problems, context } = await newCheckedPage(browser, PHONE);
  try {
    await signIn(page, 'demo-admin');
    await page.locator('main').getByRole('link', { name: 'Feedback forms', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Feedback forms' }).waitFor();
    await settled(page);
    const card = page.locator('main li.card').filter({ has: page.getByRole('heading', { name: 'Ages 8 to 11' }) });
    await card.getByText(`Version ${before.version}, published`, { exact: false }).waitFor();
    await page.locator('main').getByText('Answers already sent keep the version they answered', { exact: false }).waitFor();
    await checkA11y(page, 'the feedback forms');
    await card.getByRole('link', { name: 'Change this form' }).click();
    await page.getByRole('heading', { level: 1, name: 'Change the form: Ages 8 to 11' }).waitFor();
    await settled(page);
    const main = page.locator('main');
    const cards = main.locator('ol > li.card');
    assert.equal(await cards.count(), before.questions.length);
    await main.getByText('they still show with the questions the young person saw', { exact: false }).waitFor();

    // A question left empty: the problem is named beside it, and at the top.
    const first = cards.nth(0).getByLabel(WORDING);
    await first.fill('');
    await main.getByRole('button', { name: 'Publish as a new version' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    await summary.getByRole('link', { name: 'Write the question in 1 to 300 characters.' }).waitFor();
    assert.equal(await first.getAttribute('aria-invalid'), 'true');
    await cards.nth(0).locator('.field-error').getByText('Write the question in 1 to 300 characters.').waitFor();
    await checkA11y(page, 'the form editor, with a problem');
    await summary.getByRole('link').click();
    await hasFocus(first, 'the field the problem names');
    await first.fill(before.questions[0].prompt);

    // New wording for school, and it moves up one place.
    await cards.nth(school).getByLabel(WORDING).fill('How are things at school?');
    await cards.nth(school).locator('[id$="-prompt-hint"]').getByText('Plain enough for children of 8 to 11.').waitFor();
    await cards.nth(school).getByRole('button', { name: 'Move up' }).click();
    await main.getByRole('status').getByText(`Moved to question ${school}.`).waitFor();
    assert.equal(await cards.nth(school - 1).getByLabel(WORDING).inputValue(), 'How are things at school?');
    // Focus stays with the question: on its "Move up", or, now that it is
    // first and has none, on its "Move down".
    const stays = school - 1 === 0 ? 'Move down' : 'Move up';
    await hasFocus(cards.nth(school - 1).getByRole('button', { name: stays }), `its ${stays} button`);

    // One question out, one in (their own words, about a priority).
    const plan = before.questions.findIndex((q) => q.key === 'understand_plan');
    await cards.nth(plan).getByRole('button', { name: 'Remove' }).click();
    await main.getByRole('status').getByText('Removed “Do you understand your plan?”.').waitFor();
    await main.getByRole('button', { name: 'Add a question for their own words' }).click();
    const added = cards.last();
    await hasFocus(added.getByLabel(WORDING), 'the new question');
    await added.getByLabel(WORDING).fill('What do you enjoy doing after school?');
    await added.getByLabel('Short name').fill('after_school');
    await added.getByLabel('Which “good for me” priority it belongs to').selectOption({ label: 'Education, health and safe behaviours are good for me' });
    await main.getByRole('heading', { name: `Questions (${before.questions.length})` }).waitFor();
    await checkA11y(page, 'the form editor, changed');

    await main.getByRole('button', { name: 'Publish as a new version' }).click();
    await main.getByRole('status').getByText(`Published as version ${before.version + 1}.`, { exact: false }).waitFor();
    await main.getByText(`Now: Version ${before.version + 1}, published`, { exact: false }).waitFor();
    await main.getByRole('region', { name: 'Versions' }).getByText('This is the one in use.').waitFor();
    await checkA11y(page, 'the form editor, published');
    await assertClean(page, problems, { allow: MOVED_ON });
  } finally {
    await context.close();
  }

  // What the server holds now.
  const now = (await api(admin, 'GET', '/feedback/forms')).body.find((f) => f.key === 'from8_to11');
  assert.equal(now.current.version, before.version + 1);
  assert.ok(now.versions.some((v) => v.id === before.id), 'the old version is kept');
  const prompts = now.current.questions.map((q) => q.prompt);
  assert.equal(prompts[school - 1], 'How are things at school?');
  assert.ok(!prompts.includes('Do you understand your plan?'));
  const enjoy = now.current.questions.at(-1);
  assert.deepEqual([enjoy.key, enjoy.kind, enjoy.priority], ['after_school', 'text', 'education_health_safety']);

  // Leo opens his form: the new version, with the new words.
  const child = await newCheckedPage(browser, PHONE);
  try {
    const p = child.page;
    await signIn(p, 'demo-child-10');
    await gotoApp(p, '/my/review/feedback');
    await settled(p);
    const main = p.locator('main');
    await main.getByRole('group', { name: 'How are things at school?' }).waitFor();
    await main.getByLabel('What do you enjoy doing after school?').waitFor();
    assert.equal(await main.getByText('Do you understand your plan?').count(), 0);
    assert.equal(await main.getByText('How is school going?').count(), 0);
    await checkA11y(p, "Leo's form, new version");
    await assertClean(p, child.problems, { allow: MOVED_ON });
  } finally {
    await child.context.close();
    // The form as it was, as a further version (other tests look for its
    // words), and Leo's draft, if any, on it.
    await restoreForm(admin, before);
  }
});

test('the administrator gives a reworded question and a relabelled face their Arabic; Leo, reading Arabic, sees them', async () => {
  await leoReady();
  const admin = await apiToken('demo-admin');
  const before = (await api(admin, 'GET', '/feedback/forms')).body.find((f) => f.key === 'from8_to11').current;
  await leoDraftOnCurrentForm(admin);
  const school = before.questions.findIndex((q) => q.key === 'school');
  const oldArabic = before.translations.ar['How is school going?'];
  assert.ok(oldArabic, 'the demo form has Arabic for the school question');
  const NEW_PROMPT = 'How are things at school?';
  const NEW_PROMPT_AR = 'كيف هي الأمور في المدرسة؟';
  const NEW_FACE = 'Brilliant';
  const NEW_FACE_AR = 'رائع جدًا';
  try {
    const { page, problems, context } = await newCheckedPage(browser, PHONE);
    try {
      await signIn(page, 'demo-admin');
      await gotoApp(page, '/admin/forms/from8_to11');
      await page.getByRole('heading', { level: 1, name: 'Change the form: Ages 8 to 11' }).waitFor();
      await settled(page);
      const main = page.locator('main');
      const card = main.locator('ol > li.card').nth(school);

      // The Arabic as published, right to left, under the English.
      const arabicPrompt = card.getByLabel('The question in Arabic (optional)');
      assert.equal(await arabicPrompt.inputValue(), oldArabic);
      assert.equal(await arabicPrompt.getAttribute('lang'), 'ar');
      assert.equal(await arabicPrompt.getAttribute('dir'), 'rtl');
      assert.equal(await main.getByLabel('Title in Arabic (optional)').inputValue(), before.translations.ar[before.title]);
      await main.locator('#form-arabic-count').getByText(/^\d+ of \d+ texts have Arabic\./).waitFor();

      // New English: the old Arabic no longer goes with it. It is offered
      // to check, and the field is empty until the admin writes it.
      await card.getByLabel(WORDING).fill(NEW_PROMPT);
      assert.equal(await arabicPrompt.inputValue(), '');
      const promptHint = card.locator(`#${await arabicPrompt.getAttribute('id')}-hint`);
      await promptHint.getByText('English changed').waitFor();
      await promptHint.getByText(oldArabic).waitFor();
      assert.match(await arabicPrompt.getAttribute('aria-describedby'), /-hint/);
      await card.getByRole('button', { name: 'Use the old Arabic' }).click();
      assert.equal(await arabicPrompt.inputValue(), oldArabic);
      await hasFocus(arabicPrompt, 'the Arabic field');
      await arabicPrompt.fill(NEW_PROMPT_AR);
      assert.equal(await card.getByText('English changed').count(), 0);

      // The happiest face gets new words: checked as the server would, at
      // the field, while typing.
      const face = card.getByLabel('Words for face 5 (very happy)');
      assert.equal(await face.inputValue(), before.questions[school].options[4].label);
      await face.fill(' ');
      await card.locator('.field-error').getByText('Write the option in 1 to 80 characters.').waitFor();
      assert.equal(await face.getAttribute('aria-invalid'), 'true');
      await checkA11y(page, 'the form editor, a face with no words');
      await face.fill(NEW_FACE);
      assert.equal(await face.getAttribute('aria-invalid'), null);
      const faceArabic = card.getByLabel('Face 5 in Arabic (optional)');
      // Its old words had Arabic: offered, not used.
      assert.equal(await faceArabic.inputValue(), '');
      await card.getByText('English changed').waitFor();
      await faceArabic.fill(NEW_FACE_AR);
      // A face with no Arabic yet says so.
      const plain = card.getByLabel('Face 1 in Arabic (optional)');
      await plain.fill('');
      const plainHint = card.locator(`#${await plain.getAttribute('id')}-hint`);
      await plainHint.getByText('No Arabic yet: young people reading Arabic see the English.').waitFor();
      await checkA11y(page, 'the form editor, with Arabic');
      await plain.fill(before.translations.ar[before.questions[school].options[0].label]);

      await main.getByRole('button', { name: 'Publish as a new version' }).click();
      await main.getByRole('status').getByText(`Published as version ${before.version + 1}.`, { exact: false }).waitFor();
      // The editor starts again from what was published, Arabic and all.
      await main.locator('ol > li.card').nth(school).getByLabel('The question in Arabic (optional)').waitFor();
      assert.equal(await main.locator('ol > li.card').nth(school).getByLabel('The question in Arabic (optional)').inputValue(), NEW_PROMPT_AR);
      await assertClean(page, problems, { allow: MOVED_ON });
    } finally {
      await context.close();
    }

    // What the server holds: the new Arabic, the rest as it was, nothing
    // for the old words of the school question.
    const now = (await api(admin, 'GET', '/feedback/forms')).body.find((f) => f.key === 'from8_to11').current;
    assert.equal(now.version, before.version + 1);
    const q = now.questions[school];
    assert.deepEqual([q.prompt, q.options[4].key, q.options[4].picture, q.options[4].label], [NEW_PROMPT, '5', 'very_happy', NEW_FACE]);
    assert.equal(now.translations.ar[NEW_PROMPT], NEW_PROMPT_AR);
    assert.equal(now.translations.ar[NEW_FACE], NEW_FACE_AR);
    assert.equal(now.translations.ar['How is school going?'], undefined);
    assert.equal(now.translations.ar[before.title], before.translations.ar[before.title]);

    // Leo reads the app in Arabic: his form has the new Arabic.
    await saveLanguage('demo-child-10', 'ar');
    const child = await newCheckedPage(browser, PHONE);
    try {
      const p = child.page;
      await signIn(p, 'demo-child-10');
      await gotoApp(p, '/my/review/feedback');
      await settled(p);
      const group = p.locator('main').getByRole('group', { name: NEW_PROMPT_AR });
      await group.waitFor();
      await group.getByText(NEW_FACE_AR).waitFor();
      assert.equal(await p.locator('main').getByText(NEW_PROMPT).count(), 0, 'no English for the translated question');
      await assertClean(p, child.problems, { allow: MOVED_ON });
    } finally {
      await child.context.close();
    }
  } finally {
    await saveLanguage('demo-child-10', 'en');
    await restoreForm(admin, before);
  }
});

test('the administrator sets the review promise; the IRO sees schedules worked out with it', async () => {
  const admin = await apiToken('demo-admin');
  const was = (await api(admin, 'GET', '/reviews/settings')).body;
  const iroToken = await apiToken('demo-iro');
  const leoReviews = `/staff/people/${await leoId(iroToken)}/reviews`;
  const PROMISE = '(this council promises within a month of coming into care, when that is sooner)';
  try {
    // Start from Bexley's promise, as the demo council has it.
    await api(admin, 'PUT', '/reviews/settings', { first_review_within_calendar_month: true });
    const { page, problems, context } = await newCheckedPage(browser, PHONE);
    try {
      await signIn(page, 'demo-admin');
      await page.locator('main').getByRole('link', { name: 'The review promise', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'The review promise' }).waitFor();
      await settled(page);
      const main = page.locator('main');
      const now = main.getByRole('region', { name: 'The promise now' });
      await now.getByText('The first review is within a month of coming into care, or within 20 working days when that is sooner.').waitFor();
      await now.getByText('For a child coming into care today, the first review would be due by', { exact: false }).waitFor();
      await checkA11y(page, 'the review promise');
      const choice = main.getByLabel('When is the first review due?');
      await choice.selectOption({ index: 0 });
      assert.match(await choice.locator('option:checked').textContent(), /^Within 20 working days \(the law\)/);
      await main.getByRole('button', { name: 'Save the promise' }).click();
      await main.getByRole('status').getByText('Saved. The first review is within 20 working days of coming into care, as the law says.', { exact: false }).waitFor();
      await now.getByText('The first review is within 20 working days of coming into care, as the law says.').waitFor();
      await checkA11y(page, 'the review promise, saved');
      await assertClean(page, problems, { allow: MOVED_ON });
    } finally {
      await context.close();
    }
    const saved = (await api(admin, 'GET', '/reviews/settings')).body;
    assert.equal(saved.first_review_within_calendar_month, false);

    // The IRO's page for Leo states the rule it was worked out with.
    const iro = await newCheckedPage(browser, PHONE);
    try {
      const p = iro.page;
      await signIn(p, 'demo-iro');
      await gotoApp(p, leoReviews);
      await settled(p);
      const schedule = p.getByRole('region', { name: 'When reviews are due' });
      await schedule.getByText('The first review is held within 20 working days of coming into care, the second', { exact: false }).waitFor();
      assert.equal(await schedule.getByText(PROMISE, { exact: false }).count(), 0);
      // The promise back on: the same page says so.
      await api(admin, 'PUT', '/reviews/settings', { first_review_within_calendar_month: true });
      await p.reload();
      await p.getByRole('heading', { level: 1, name: "Leo's reviews" }).waitFor();
      await settled(p);
      await schedule.getByText(PROMISE, { exact: false }).waitFor();
      await assertClean(p, iro.problems, { allow: MOVED_ON });
    } finally {
      await iro.context.close();
    }
  } finally {
    await api(admin, 'PUT', '/reviews/settings', { first_review_within_calendar_month: was.first_review_within_calendar_month });
  }
});

test("the IRO moves Leo's review; the new day and place show to the IRO and to Leo", async () => {
  await leoReady();
  const iroToken = await apiToken('demo-iro');
  const id = await leoId(iroToken);
  const booked = (await api(iroToken, 'GET', `/people/${id}/reviews`)).body.reviews.find((r) => r.status === 'booked');
  assert.ok(booked, 'Leo has a review booked');
  const newDay = day(6);
  try {
    const { page, problems, context } = await newCheckedPage(browser, PHONE);
    try {
      await signIn(page, 'demo-iro');
      await gotoApp(page, `${await pathOf(page, { person: 'Leo' })}/reviews`);
      await settled(page);
      const main = page.locator('main');
      await main.getByRole('heading', { name: 'Move this review' }).waitFor();
      const form = main.locator('form#move-review');
      assert.equal(await form.getByLabel('Day of the meeting').inputValue(), booked.date);
      assert.equal(await form.getByLabel('Where').inputValue(), booked.place);
      await checkA11y(page, "Leo's reviews, with the move form");

      // Nothing changed: said so, nothing sent.
      await form.getByRole('button', { name: 'Move the review' }).click();
      await page.getByRole('alert').getByText('Nothing has changed. Change the day, time or place first.').waitFor();

      await form.getByLabel('Day of the meeting').fill(newDay);
      await form.getByLabel('Where').fill('At school, in the quiet room');
      await form.getByRole('button', { name: 'Move the review' }).click();
      await page.getByRole('status').getByText('Moved. The young person has been told', { exact: false }).waitFor();
      const facts = main.locator('dl.facts');
      await facts.getByText(dateWords(newDay), { exact: false }).waitFor();
      await facts.getByText('At school, in the quiet room').waitFor();
      await checkA11y(page, "Leo's reviews, moved");

      // The reviews list shows the new day too.
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reviews', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'Reviews' }).waitFor();
      await settled(page);
      const leoCard = main.locator('li.card', { has: page.getByRole('link', { name: 'Leo', exact: true }) });
      await leoCard.getByText(`Booked for ${dateWords(newDay)}`, { exact: false }).waitFor();
      await assertClean(page, problems, { allow: MOVED_ON });
    } finally {
      await context.close();
    }

    const child = await newCheckedPage(browser, PHONE);
    try {
      const p = child.page;
      await signIn(p, 'demo-child-10');
      await gotoApp(p, '/my/review');
      await settled(p);
      const next = p.getByRole('region', { name: 'Your next review meeting' });
      await next.getByText(/^In (5|6|7) days$/).waitFor();
      await next.getByText('At school, in the quiet room').waitFor();
      await assertClean(p, child.problems, { allow: MOVED_ON });
    } finally {
      await child.context.close();
    }
  } finally {
    // Leo's booking as it was.
    const back = await api(iroToken, 'PATCH', `/people/${id}/reviews`, {
      review_id: booked.id, date: booked.date, place: booked.place,
      start_time: booked.start_time ?? '', end_time: booked.end_time ?? '',
    });
    assert.equal(back.status, 200, JSON.stringify(back.body));
  }
});
