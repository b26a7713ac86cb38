// Flood limits through the real screens: Marcus (23) posts in the care
// leavers' space and straight away again; the form tells him how long to
// wait, in plain words. Dee, the participation officer, sees on the
// moderation screen that he reached a limit, and changes the space's wait
// between posts on the Spaces page, where each space's limits are shown.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  launchBrowser, newCheckedPage, gotoApp, assertClean, signIn, settled, checkA11y, apiToken, api,
  asUser,
} from './helpers.mjs';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

const stamp = Date.now().toString(36);
const SENIORS = 'Positive Journeys Seniors';

/** A signed-in page for one person (see `asUser`). */
const as = (user, fn, allow) => asUser(browser, user, fn, allow);

async function startConversation(page, main, title, body) {
  await gotoApp(page, '/forum');
  await settled(page);
  await main.getByRole('link', { name: SENIORS, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: SENIORS }).waitFor();
  await settled(page);
  await main.getByRole('button', { name: 'Start a conversation' }).click();
  await main.getByLabel('What is it about?').fill(title);
  await main.getByLabel('What do you want to say?').fill(body);
  await main.getByRole('button', { name: 'Post it' }).click();
}

test('posting again straight away says how long to wait; the officer sees it and changes the wait', async () => {
  const marcus = await apiToken('demo-leaver-23');
  const forumName = (await api(marcus, 'GET', '/forum/me')).body.display_name;

  await as('demo-leaver-23', async (page, main) => {
    await startConversation(page, main, `Cheap eats ${stamp}`, `Where do you get cheap food? ${stamp}`);
    await main.getByText('Posted. Others in this space can see it now.').waitFor();
    await startConversation(page, main, `Bus passes ${stamp}`, `Does anyone know about bus passes? ${stamp}`);
    await main.getByText(/^Please wait \d+ seconds? before posting again\.$/).waitFor();
    await checkA11y(page, 'a post refused for coming too soon');
  }, [/status of 429 \(Too Many Requests\) \(https?:\/\/[^/]+\/api\/forum\/spaces\/[a-z0-9-]+\/threads\)$/]);

  await as('demo-participation', async (page, main) => {
    await gotoApp(page, '/staff/forum/moderation');
    await page.getByRole('heading', { level: 1, name: 'Forum moderation' }).waitFor();
    await settled(page);
    const hits = main.getByRole('region', { name: 'Posting limits reached' });
    const hit = hits.locator('li.card').filter({ hasText: forumName });
    await hit.getByText(`Posted again too quickly in ${SENIORS} (1 try refused).`, { exact: false }).waitFor();
    await checkA11y(page, 'moderation with a posting limit reached');

    await hits.getByRole('link', { name: "Change a space's limits" }).click();
    await page.getByRole('heading', { level: 1, name: 'Forum spaces' }).waitFor();
    await settled(page);
    const card = main.locator('li.card').filter({ hasText: SENIORS });
    await card.getByText('Each member may start 5 conversations an hour (20 a day) and write 30 replies an hour (150 a day), 15 seconds apart.').waitFor();
    await card.getByRole('button', { name: /^Change/ }).click();
    const wait = card.getByLabel('Seconds one member waits between two posts');
    await wait.fill('5000');
    await card.getByRole('button', { name: 'Save the space' }).click();
    // Checked as typed, under the field.
    await card.locator('#space-min-gap-error', { hasText: 'The wait between posts can be at most 3600 seconds.' }).waitFor();
    await wait.fill('30');
    await card.getByRole('button', { name: 'Save the space' }).click();
    await main.getByText(`Saved “${SENIORS}”.`).waitFor();
    const changed = main.locator('li.card').filter({ hasText: SENIORS });
    await changed.getByText('30 seconds apart.', { exact: false }).waitFor();
    assert.equal(await changed.getByText('15 seconds apart', { exact: false }).count(), 0);
  });
});
