// Issue 4, the administrator's side of the local offer: the list of every
// entitlement, changing a figure (kept as a new version with who, when and
// what before), the live reading of a rule and the refusal of one that can
// never match, and a care leaver seeing "Updated" with the new figure.
//
// The birthday money moves between £60 and £75 on each run, so the file
// passes again on the same server.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  launchBrowser, newCheckedPage, gotoApp, assertClean, signIn, settled, checkA11y,
} from './helpers.mjs';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

test('an administrator changes a figure, the history keeps the old one, and a care leaver sees it updated', async () => {
  const { context, page, problems } = await newCheckedPage(browser);
  let newFigure;
  try {
    await signIn(page, 'demo-admin');
    await page.getByRole('link', { name: /^The local offer/ }).first().click();
    await page.getByRole('heading', { level: 1, name: 'The local offer' }).waitFor();
    await settled(page);
    await checkA11y(page, 'offer list');

    await page.getByRole('link', { name: 'Birthday money', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Change: Birthday money' }).waitFor();
    await settled(page);
    const amount = page.getByLabel('Amount (optional)');
    const before = await amount.inputValue();
    newFigure = before === '£60' ? '£75' : '£60';

    // A rule that can never match is read back as a problem while typing,
    // and not sent.
    const rule = page.getByLabel('Who it is for (a rule)');
    const saved = await rule.inputValue();
    await rule.fill('{"kind": "age", "min": 25, "under": 18}');
    await page.getByText(/^Not right yet:/).waitFor();
    await page.getByRole('button', { name: 'Save a new version' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    await summary.waitFor();
    assert.equal(await rule.getAttribute('aria-invalid'), 'true');
    await rule.fill(saved);
    await page.getByText(/^Reads as: For /).waitFor();

    await checkA11y(page, 'entitlement form');

    await amount.fill(newFigure);
    await page.getByLabel('Why it changed (optional, for the history)').fill('The council agreed a new figure.');
    await page.getByRole('button', { name: 'Save a new version' }).click();
    await page.getByRole('status').getByText(/^Saved "Birthday money" as version \d+\.$/).waitFor();
    const history = page.getByRole('region', { name: 'History' });
    await history.getByText(`Before: amount was ${before}.`).first().waitFor();
    await history.getByText('Why: The council agreed a new figure.').first().waitFor();
    await assertClean(page, problems);
  } finally {
    await context.close();
  }

  // Priya, 19, sees the new figure marked "Updated" with what changed.
  const leaver = await newCheckedPage(browser);
  try {
    await signIn(leaver.page, 'demo-leaver-19');
    await gotoApp(leaver.page, '/my/offer');
    await leaver.page.getByRole('heading', { level: 1, name: 'My offer' }).waitFor();
    await settled(leaver.page);
    const card = leaver.page.getByRole('listitem').filter({
      has: leaver.page.getByRole('heading', { name: 'Birthday money', exact: true }),
    }).first();
    await card.getByText(`${newFigure} a year.`).waitFor();
    await card.getByText('Updated', { exact: true }).waitFor();
    await assertClean(leaver.page, leaver.problems);
  } finally {
    await leaver.context.close();
  }
});
