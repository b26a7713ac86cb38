// Staff screens: the caseload, a young person's page with what each role
// may do there, reallocation, the audit trail, break-glass, staff accounts.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  launchBrowser, newCheckedPage, gotoApp, assertClean, signIn, settled, pathOf,
} from './helpers.mjs';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

test("a social worker's list holds only their young people, and a person page shows what they may do", async () => {
  const { context, page, problems } = await newCheckedPage(browser);
  try {
    await signIn(page, 'demo-sw');
    await page.locator('main').getByRole('link', { name: 'My young people' }).click();
    await page.getByRole('heading', { level: 1, name: 'My young people' }).waitFor();
    await settled(page);
    const list = page.locator('main ul.people');
    for (const name of ['Mia', 'Leo', 'Aisha', 'Tyler']) await list.getByRole('link', { name, exact: true }).waitFor();
    for (const name of ['Riley', 'Priya', 'Marcus']) assert.equal(await list.getByRole('link', { name, exact: true }).count(), 0, name);
    await list.getByRole('listitem').filter({ hasText: 'Leo' }).getByText('You are their social worker. Has an account.').waitFor();

    await list.getByRole('link', { name: 'Leo', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Leo' }).waitFor();
    await settled(page);
    const main = page.locator('main');
    const about = page.getByRole('region', { name: 'About Leo' });
    await about.getByText('In care now. Section 20', { exact: false }).waitFor();
    await about.getByText('Not a care leaver', { exact: false }).waitFor();
    const workers = page.getByRole('region', { name: 'Workers' });
    await workers.getByText(': Sam Patel, since', { exact: false }).waitFor();
    // A social worker may make a code, not move workers, read the audit
    // trail or break glass.
    await main.getByRole('button', { name: 'Make a new sign-in code' }).waitFor();
    assert.equal(await page.getByRole('region', { name: 'Change a worker' }).count(), 0);
    assert.equal(await main.getByRole('link', { name: 'See the audit trail' }).count(), 0);
    assert.equal(await page.getByRole('region', { name: 'Open the record in an emergency' }).count(), 0);

    // The page is bookmarkable.
    const url = page.url();
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Leo' }).waitFor();
    assert.equal(page.url(), url);

    // A new code for a forgotten password, shown once.
    await main.getByRole('button', { name: 'Make a new sign-in code' }).click();
    const card = page.getByRole('region', { name: "Leo's sign-in code" });
    await card.getByTestId('one-time-code').waitFor();
    await card.getByText('demo-child-10').waitFor();
    await assertClean(page, problems);
  } finally {
    await context.close();
  }
});

test("someone not on my list is \"not on your list\", whatever the address", async () => {
  const manager = await newCheckedPage(browser);
  let rileyPath;
  try {
    await signIn(manager.page, 'demo-manager');
    rileyPath = await pathOf(manager.page, { person: 'Riley' });
  } finally {
    await manager.context.close();
  }
  const { context, page, problems } = await newCheckedPage(browser);
  try {
    await signIn(page, 'demo-sw');
    await gotoApp(page, rileyPath);
    await page.getByRole('alert').getByText("We can't find this young person on your list.", { exact: false }).waitFor();
    await assertClean(page, problems);
  } finally {
    await context.close();
  }
});

test('an admin moves a worker; the manager moves them back from the workers the page knows, with a handover note', async () => {
  const admin = await newCheckedPage(browser);
  try {
    await signIn(admin.page, 'demo-admin');
    await gotoApp(admin.page, await pathOf(admin.page, { person: 'Jordan' }));
    await admin.page.getByRole('heading', { level: 1, name: 'Jordan' }).waitFor();
    await settled(admin.page);
    // Accounts only: no case content without a reason.
    assert.equal(await admin.page.getByRole('region', { name: 'About Jordan' }).count(), 0);
    const form = admin.page.getByRole('region', { name: 'Change a worker' });
    await form.getByLabel('New worker').selectOption({ label: 'Sam Patel (Social worker)' });
    await form.getByRole('button', { name: 'Change the worker' }).click();
    await form.getByRole('status').getByText("Done. Sam Patel is now Jordan's social worker.").waitFor();
    await assertClean(admin.page, admin.problems);
  } finally {
    await admin.context.close();
  }

  const { context, page, problems } = await newCheckedPage(browser);
  try {
    await signIn(page, 'demo-manager');
    await gotoApp(page, await pathOf(page, { person: 'Jordan' }));
    await settled(page);
    const workers = page.getByRole('region', { name: 'Workers' });
    await workers.getByText(': Sam Patel, since', { exact: false }).waitFor();
    await workers.getByText(': Alex Morgan, until', { exact: false }).first().waitFor();
    const form = page.getByRole('region', { name: 'Change a worker' });
    await form.getByText('For anyone else, ask an administrator.', { exact: false }).waitFor();
    await form.getByLabel('New worker').selectOption({ label: 'Alex Morgan (Social worker)' });
    await form.getByLabel('A handover note for Jordan (optional)').fill('It was good to meet you, Jordan. Alex knows you well.');
    await form.getByRole('button', { name: 'Change the worker' }).click();
    await form.getByRole('status').getByText("Done. Alex Morgan is now Jordan's social worker.", { exact: false }).waitFor();
    await workers.getByText(': Alex Morgan, since', { exact: false }).waitFor();
    await workers.getByText('It was good to meet you, Jordan. Alex knows you well.').first().waitFor();
    await assertClean(page, problems);
  } finally {
    await context.close();
  }
});

test("a manager reads the audit trail: who, what and what allowed it", async () => {
  const { context, page, problems } = await newCheckedPage(browser);
  try {
    await signIn(page, 'demo-manager');
    await gotoApp(page, await pathOf(page, { person: 'Leo' }));
    await page.locator('main').getByRole('link', { name: 'See the audit trail' }).click();
    await page.getByRole('heading', { level: 1, name: 'Who has seen this record' }).waitFor();
    await settled(page);
    const table = page.getByRole('table');
    assert.deepEqual(
      await table.getByRole('columnheader').allTextContents(),
      ['When', 'Who', 'What', 'Allowed by', 'Outcome', 'Reason'],
    );
    const mine = table.getByRole('row').filter({ hasText: 'Pat Singh (Team manager)' }).filter({ hasText: 'Looked at the record' });
    await mine.first().waitFor();
    // On a phone the cells say their column too ("Allowed by Team manager").
    await mine.first().getByRole('cell', { name: /^(Allowed by )?Team manager$/ }).waitFor();
    await mine.first().getByRole('cell', { name: /^(Outcome )?Allowed$/ }).waitFor();
    await assertClean(page, problems);
  } finally {
    await context.close();
  }
});

test('an admin opens a record in an emergency with a reason, and is told a manager knows', async () => {
  const { context, page, problems } = await newCheckedPage(browser);
  try {
    await signIn(page, 'demo-admin');
    await gotoApp(page, await pathOf(page, { person: 'Mia' }));
    await settled(page);
    const glass = page.getByRole('region', { name: 'Open the record in an emergency' });
    await glass.getByText('A team manager is told straight away, with your reason.').waitFor();
    await glass.getByRole('button', { name: 'Open the record and tell a manager' }).click();
    await page.getByRole('alert').getByText('at least 10 characters', { exact: false }).waitFor();
    await glass.getByLabel('Why do you need to open this record?').fill('Police called about Mia tonight; need her placement details.');
    await glass.getByRole('button', { name: 'Open the record and tell a manager' }).click();
    await page.getByRole('status').getByText('The record is open for one hour. The team managers have been told why.').waitFor();
    await page.getByRole('region', { name: 'About Mia' }).getByText('In care now', { exact: false }).waitFor();
    await assertClean(page, problems);
  } finally {
    await context.close();
  }
});

test('an admin adds a member of staff (code shown once), switches them off and on, and makes a new code', async () => {
  const { context, page, problems } = await newCheckedPage(browser);
  try {
    await signIn(page, 'demo-admin');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Staff' }).click();
    await page.getByRole('heading', { level: 1, name: 'Staff accounts' }).waitFor();
    await settled(page);
    const username = `sw-${Date.now().toString(36)}`;
    const add = page.getByRole('region', { name: 'Add a member of staff' });
    await add.getByLabel('Their name').fill('Kim Test');
    await add.getByLabel('Username').fill(username);
    await add.getByLabel('Role').selectOption({ label: 'Social worker' });
    await add.getByLabel('Team (optional)').selectOption({ label: 'Looked After Children Team 1' });
    await add.getByRole('button', { name: 'Add and make a code' }).click();
    const card = page.getByRole('region', { name: "Kim Test's sign-in code" });
    await card.getByTestId('one-time-code').waitFor();
    await card.getByText(username).waitFor();
    await card.getByRole('button', { name: 'I have written it down: hide the code' }).click();
    assert.equal(await page.getByTestId('one-time-code').count(), 0);

    const row = page.locator('main li.staff-row').filter({ hasText: username });
    await row.getByText('Has not chosen a password yet').waitFor();
    await row.getByRole('button', { name: "Switch off Kim Test's account" }).click();
    await page.getByRole('status').getByText("Kim Test's account is switched off.", { exact: false }).waitFor();
    await row.getByText('Switched off').waitFor();
    await row.getByRole('button', { name: "Switch on Kim Test's account" }).click();
    await page.getByRole('status').getByText("Kim Test's account is switched on again.").waitFor();
    await row.getByRole('button', { name: 'New code for Kim Test' }).click();
    await page.getByRole('region', { name: "Kim Test's sign-in code" }).getByTestId('one-time-code').waitFor();

    // The admin cannot switch themself off: no button on their own row.
    const me = page.locator('main li.staff-row').filter({ hasText: 'demo-admin' });
    assert.equal(await me.getByRole('button', { name: /^Switch off/ }).count(), 0);
    await assertClean(page, problems);
  } finally {
    await context.close();
  }
});

test('adding a young person: an admin lands on the new page; a manager is told how it joins their list', async () => {
  const name = `Sky ${Date.now().toString(36)}`;
  const admin = await newCheckedPage(browser);
  try {
    await signIn(admin.page, 'demo-admin');
    await admin.page.locator('main').getByRole('link', { name: 'Add a young person' }).click();
    await admin.page.getByRole('heading', { level: 1, name: 'Add a young person' }).waitFor();
    const main = admin.page.locator('main');
    await main.getByRole('button', { name: 'Add the young person' }).click();
    await admin.page.getByRole('alert').getByText('Give the date of birth.').waitFor();
    await main.getByLabel('The name they like to be called').fill(name);
    await main.getByLabel('Date of birth').fill('2013-05-04');
    await main.getByLabel('When care started').fill('2024-01-15');
    await main.getByLabel('Why the council looks after them').selectOption({ label: 'Care order (section 31)' });
    await main.getByRole('button', { name: 'Add the young person' }).click();
    await admin.page.getByRole('heading', { level: 1, name }).waitFor();
    assert.match(new URL(admin.page.url()).pathname, /^\/staff\/people\/[0-9a-f-]{36}$/);
    await admin.page.getByRole('region', { name: 'Account and sign-in code' }).getByRole('button', { name: 'Create the account' }).waitFor();
    await assertClean(admin.page, admin.problems);
  } finally {
    await admin.context.close();
  }

  const { context, page, problems } = await newCheckedPage(browser);
  try {
    await signIn(page, 'demo-manager');
    await gotoApp(page, '/staff/people/new');
    const main = page.locator('main');
    await main.getByLabel('The name they like to be called').fill(`${name} two`);
    await main.getByLabel('Date of birth').fill('2012-02-03');
    await main.getByLabel('When care started').fill('2025-03-01');
    await main.getByRole('button', { name: 'Add the young person' }).click();
    await page.getByRole('status').getByText(`${name} two's record is made.`).waitFor();
    await page.getByRole('status').getByText('once a worker in your team is allocated', { exact: false }).waitFor();
    await assertClean(page, problems);
  } finally {
    await context.close();
  }
});
