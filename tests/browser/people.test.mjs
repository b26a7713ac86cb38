// Issue 5, "my people": a worker writes their "about me"; a manager moves
// Aisha's social worker to Alex Morgan with a handover note on Aisha's page;
// Aisha sees Alex, what Alex wrote about themself, Sam's goodbye note, and
// who to call out of hours. The manager then moves Sam back, so the other
// files (and the next run) find Aisha with Sam.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  launchBrowser, newCheckedPage, gotoApp, assertClean, signIn, settled, pathOf, screenshot,
  checkA11y,
} from './helpers.mjs';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

/** As demo-manager, make `worker` Aisha's social worker with a note. */
async function moveAishasWorker(worker, note) {
  const { context, page, problems } = await newCheckedPage(browser);
  try {
    await signIn(page, 'demo-manager');
    await gotoApp(page, await pathOf(page, { person: 'Aisha' }));
    await settled(page);
    const form = page.getByRole('region', { name: 'Change a worker' });
    await form.getByLabel('New worker').selectOption({ label: `${worker} (Social worker)` });
    await form.getByLabel('A handover note for Aisha (optional)').fill(note);
    await form.getByRole('button', { name: 'Change the worker' }).click();
    await form.getByRole('status').getByText(`Done. ${worker} is now Aisha's social worker.`, { exact: false }).waitFor();
    await assertClean(page, problems);
  } finally {
    await context.close();
  }
}

test('a worker writes "about me" for the young people they work with', async () => {
  const { context, page, problems } = await newCheckedPage(browser);
  try {
    await signIn(page, 'demo-sw2');
    await gotoApp(page, '/account');
    const about = page.getByRole('region', { name: 'About me, for young people' });
    await about.getByText('My people', { exact: false }).waitFor();
    await about.getByLabel('About me', { exact: true }).fill('I am Alex. I like football and cooking. I will help you with anything you need.');
    await about.getByLabel('How to reach me (optional)').fill('Call or text my work phone, 07700 900123.');
    await about.getByLabel('When to reach me (optional)').fill('Monday to Friday, 9am to 5pm.');
    await about.getByRole('button', { name: 'Save about me' }).click();
    await about.getByRole('status').getByText('Saved. The young people you work with can see it now.').waitFor();
    await assertClean(page, problems);
  } finally {
    await context.close();
  }
});

test("after a reallocation Aisha sees her new social worker and the old one's note; out of hours help is there", async () => {
  const token = `n${Date.now().toString(36)}`;
  const note = `Hi Aisha, it was good to know you. Alex will look after you now. ${token}`;
  await moveAishasWorker('Alex Morgan', note);
  try {
    const { context, page, problems } = await newCheckedPage(browser);
    try {
      await signIn(page, 'demo-teen-14');
      await page.locator('main').getByRole('link', { name: 'My people', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'My people' }).waitFor();
      await settled(page);

      const changed = page.getByRole('region', { name: 'What has changed' });
      const change = changed.getByRole('listitem').filter({ hasText: token });
      await change.getByText('Sam has moved on.').waitFor();
      await change.getByText('Your new social worker is Alex Morgan.', { exact: false }).waitFor();
      await change.getByText('Sam wrote:').waitFor();
      await change.getByText(note).waitFor();

      const workers = page.getByRole('region', { name: 'Your workers' });
      const alex = workers.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Alex Morgan' }) });
      await alex.getByText('Your social worker', { exact: true }).waitFor();
      await alex.getByText('makes sure you are safe', { exact: false }).waitFor();
      await alex.getByText('I like football and cooking.', { exact: false }).waitFor();
      await alex.getByText('Call or text my work phone, 07700 900123.').waitFor();
      await alex.getByText('Monday to Friday, 9am to 5pm.').waitFor();
      assert.equal(await workers.getByRole('heading', { name: 'Sam Patel' }).count(), 0, 'Sam is no longer listed as a worker');
      await workers.getByRole('heading', { name: 'Chris Evans' }).waitFor();

      const help = page.getByRole('region', { name: 'Out of hours?' });
      assert.equal(await help.getByRole('link', { name: /Call the duty desk: 020 8303 7777/ }).getAttribute('href'), 'tel:02083037777');
      assert.equal(await help.getByRole('link', { name: '0800 1111' }).getAttribute('href'), 'tel:08001111');

      await page.evaluate(() => window.scrollTo(0, 0));
      await screenshot(page, 'my-people-360.png');
      await checkA11y(page, 'my people');
      await assertClean(page, problems);
    } finally {
      await context.close();
    }
  } finally {
    await moveAishasWorker('Sam Patel', 'Sam is back with you, Aisha. See you soon.');
  }
});
