// Issue 4, "My offer": what a care leaver at university gets (and does not),
// what is coming up for a 17-year-old, searching, "Ask about this" reaching
// the personal adviser's list and their answers reaching the young person,
// and the whole offer for anyone, signed out.
//
// Each run asks about driving lessons once and closes the request (turned
// down, with a reason), so the file passes again on the same server.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  launchBrowser, newCheckedPage, gotoApp, assertClean, signIn, settled, screenshot, checkA11y,
} from './helpers.mjs';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

/** The card of one entitlement, by its title, in a part of the page. */
const card = (scope, title) => scope.getByRole('listitem').filter({ has: scope.page().getByRole('heading', { name: title, exact: true }) });

test('a care leaver at university sees the higher education bursary and council tax, not the 16 to 19 bursary', async () => {
  const { context, page, problems } = await newCheckedPage(browser);
  try {
    await signIn(page, 'demo-leaver-19');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My offer' }).click();
    await page.getByRole('heading', { level: 1, name: 'My offer' }).waitFor();
    await settled(page);
    const education = page.getByRole('region', { name: 'Education and training' });
    const bursary = card(education, 'Higher education bursary');
    await bursary.getByText('£2,000, paid once.').waitFor();
    const home = page.getByRole('region', { name: 'Your home' });
    await card(home, 'No council tax until you are 25').waitFor();
    assert.equal(await page.getByRole('heading', { name: '16 to 19 Bursary' }).count(), 0);

    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'my-offer-360.png');
    // Why it is for her, behind "More about this".
    await bursary.locator('summary').click();
    await bursary.getByText('Why this is for you:').waitFor();
    await bursary.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await screenshot(page, 'my-offer-bursary-360.png');

    // Search as she types, over what is already loaded.
    const search = page.getByRole('searchbox', { name: 'Search my offer' });
    await search.fill('bus');
    const results = page.getByRole('region', { name: 'What we found' });
    await card(results, 'Half-price bus and tram travel').waitFor();
    await page.getByRole('status').getByText(/things? match(es)? “bus”/).waitFor();
    assert.equal(await page.getByRole('region', { name: 'Your home' }).count(), 0);
    await search.fill('zzzz');
    await page.getByText('Nothing matches “zzzz”. Try another word.').waitFor();
    await search.fill('');
    await card(page.getByRole('region', { name: 'Your home' }), 'No council tax until you are 25').waitFor();
    await checkA11y(page, 'my offer');
    await assertClean(page, problems);
  } finally {
    await context.close();
  }
});

test('a 17-year-old sees what is coming up at 18, with the date', async () => {
  const { context, page, problems } = await newCheckedPage(browser);
  try {
    await signIn(page, 'demo-teen-17');
    await gotoApp(page, '/my/offer');
    await settled(page);
    const coming = page.getByRole('region', { name: 'Coming up' });
    await coming.getByRole('heading', { level: 3, name: 'Coming up at 18' }).waitFor();
    const home = card(coming, 'Setting-up-home allowance');
    await home.getByText(/^From your 18th birthday, \d{1,2} [A-Z][a-z]+ 20\d\d\.$/).waitFor();
    // Not asked about yet: it is not for him yet.
    assert.equal(await home.getByRole('button', { name: /^Ask about this/ }).count(), 0);
    // The 16 to 19 bursary is for him now.
    await card(page.getByRole('region', { name: 'Education and training' }), '16 to 19 Bursary').waitFor();
    await assertClean(page, problems);
  } finally {
    await context.close();
  }
});

test("\"Ask about this\" reaches the personal adviser's requests; each step they take reaches the young person", async () => {
  const token = `d${Date.now().toString(36)}`;
  const asker = await newCheckedPage(browser);
  try {
    await signIn(asker.page, 'demo-leaver-19');
    await gotoApp(asker.page, '/my/offer');
    await settled(asker.page);
    const driving = card(asker.page.getByRole('region', { name: 'Jobs and work' }), 'Driving lessons');
    await driving.getByRole('button', { name: /^Ask about this/ }).click();
    const message = driving.getByLabel("Anything you want to add? You don't have to.");
    await message.waitFor();
    await driving.getByText('Your personal adviser will get this.', { exact: false }).waitFor();
    await checkA11y(asker.page, 'my offer with "Ask about this" open');
    await message.fill(`I have a job interview that needs a licence. ${token}`);
    await driving.getByRole('button', { name: 'Send my question about Driving lessons' }).click();
    await asker.page.getByRole('status').getByText('We sent your question about “Driving lessons”.', { exact: false }).waitFor();
    const mine = asker.page.getByRole('region', { name: 'What I have asked about' }).getByRole('listitem').filter({ hasText: token });
    await mine.getByText('Asked', { exact: true }).waitFor();
    await mine.getByText('It went to your personal adviser.', { exact: false }).waitFor();
    await card(asker.page.getByRole('region', { name: 'Jobs and work' }), 'Driving lessons').getByText('You asked: Asked').waitFor();
    await assertClean(asker.page, asker.problems);
  } finally {
    await asker.context.close();
  }

  /** Jo moves the request on. */
  async function answer(step, words) {
    const { context, page, problems } = await newCheckedPage(browser);
    try {
      await signIn(page, 'demo-pa');
      await page.locator('main').getByRole('link', { name: 'Requests about the offer' }).click();
      await page.getByRole('heading', { level: 1, name: 'Requests about the offer' }).waitFor();
      await settled(page);
      const request = page.locator('main li.card').filter({ hasText: token });
      await request.getByRole('heading', { name: /Priya: Driving lessons/ }).waitFor();
      await request.getByRole('button', { name: /^Move this on/ }).click();
      await request.getByLabel('What happens now?').selectOption({ label: step });
      await request.getByLabel('A message for Priya').fill(words);
      if (step.startsWith('Turned down')) await checkA11y(page, 'requests about the offer with the form open');
      await request.getByRole('button', { name: 'Send to Priya' }).click();
      await page.getByRole('status').getByText('Priya can see it in the app.', { exact: false }).waitFor();
      await assertClean(page, problems);
    } finally {
      await context.close();
    }
  }

  /** What Priya sees of her request (the notification links to the second address). */
  async function seen(status, words, path = '/my/offer') {
    const { context, page, problems } = await newCheckedPage(browser);
    try {
      await signIn(page, 'demo-leaver-19');
      await gotoApp(page, path);
      await settled(page);
      if (path === '/my/offer/requests') {
        const heading = page.getByRole('heading', { level: 2, name: 'What I have asked about' });
        await page.waitForFunction(() => document.activeElement?.id === 'my-requests');
        assert.equal(await heading.evaluate((el) => el === document.activeElement), true);
        assert.equal(await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My offer' }).getAttribute('aria-current'), 'page');
      }
      const mine = page.getByRole('region', { name: 'What I have asked about' }).getByRole('listitem').filter({ hasText: token });
      await mine.getByText(status, { exact: true }).waitFor();
      await mine.getByText(words).waitFor();
      await assertClean(page, problems);
    } finally {
      await context.close();
    }
  }

  await answer('Being looked at: I am looking into it', `I am checking the budget. ${token}-1`);
  await seen('Being looked at', `I am checking the budget. ${token}-1`);
  const reason = `Driving lessons are for people in work or training. Let us talk about the job first. ${token}-2`;
  await answer('Turned down (say why below)', reason);
  await seen('Turned down', reason, '/my/offer/requests');
});

test('the whole offer is there without signing in, linked from the home page', async () => {
  const { context, page, problems } = await newCheckedPage(browser);
  try {
    await gotoApp(page, '/');
    await page.locator('main').getByRole('link', { name: 'See the local offer' }).click();
    await page.getByRole('heading', { level: 1, name: 'The local offer' }).waitFor();
    await settled(page);
    await page.getByRole('heading', { level: 3, name: 'Higher education bursary' }).waitFor();
    await page.getByRole('heading', { level: 3, name: '16 to 19 Bursary' }).waitFor();
    assert.equal(await page.getByRole('button', { name: /^Ask about this/ }).count(), 0);
    await page.getByRole('searchbox', { name: 'Search the offer' }).fill('council tax');
    await card(page.getByRole('region', { name: 'What we found' }), 'No council tax until you are 25').waitFor();
    await page.locator('main').getByRole('link', { name: 'Sign in' }).waitFor();
    await assertClean(page, problems);
  } finally {
    await context.close();
  }
});
