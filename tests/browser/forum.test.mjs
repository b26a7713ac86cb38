// Issue 8, Positive Journeys, through the real screens: Aisha (14) posts a
// phone number and her post waits for approval where Tyler cannot see it;
// Priya (19, a care leaver) cannot see the children's space; Dee, the
// participation officer, approves it with the number taken out and Aisha
// sees she was told; Tyler reports it in two taps, Dee sees the copy as
// reported and takes it down, which resolves the report; the moderation
// log (which Pat, a manager, can read too) shows all of it. Then events and
// polls, blocking, deleting and the forum name; and the young people's
// pages in Arabic, right to left.
//
// Every run posts new, uniquely titled conversations, so the file passes
// again on the same server.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  launchBrowser, newCheckedPage, gotoApp, assertClean, signIn, settled, screenshot, checkA11y, asUser,
} from './helpers.mjs';
import { saveLanguage } from './demo-data.mjs';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

const stamp = Date.now().toString(36);
const NUMBER = '07700 900123';

/** A signed-in page for one person (see `asUser`). */
const as = (user, fn, allow) => asUser(browser, user, fn, allow);

/** A thread the person may not see answers 404 (on purpose, below). */
const NOT_FOUND = [/status of 404 \(Not Found\) \(https?:\/\/[^/]+\/api\/forum\/threads\/[0-9a-f-]+\)$/];

/** "2026-12-01T17:00" two weeks from now, as a datetime-local field takes it. */
function inTwoWeeks() {
  const d = new Date(Date.now() + 14 * 24 * 3600 * 1000);
  const p = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T17:00`;
}

/** The card (a list item) holding some text. */
const card = (main, text) => main.locator('li.card').filter({ hasText: text });

/** Starts a conversation in Positive Journeys from the forum's front page. */
async function startConversation(page, main, title, body) {
  await gotoApp(page, '/forum');
  await settled(page);
  await main.getByRole('link', { name: 'Positive Journeys', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Positive Journeys' }).waitFor();
  await settled(page);
  await main.getByRole('button', { name: 'Start a conversation' }).click();
  await main.getByLabel('What is it about?').fill(title);
  await main.getByLabel('What do you want to say?').fill(body);
  await main.getByRole('button', { name: 'Post it' }).click();
}

test('a 14-year-old\'s phone number waits, is approved edited (she is told), a report takes it down, and the log shows it all', async () => {
  const title = `Lift to the meeting ${stamp}`;
  const body = `Text me on ${NUMBER} and we can go together`;
  const edited = 'Ask Dee and we can go together';
  let threadPath;

  // Aisha posts; the phone number holds it, and she is told why.
  await as('demo-teen-14', async (page, main) => {
    await startConversation(page, main, title, body);
    await main.getByRole('status').getByText('This looks like a phone number', { exact: false }).waitFor();
    await settled(page);
    const mine = card(main, title);
    await mine.getByText('Waiting for a grown-up to check it').waitFor();
    await mine.getByText('(you)').waitFor();
    await checkA11y(page, 'space with a waiting post');

    await gotoApp(page, '/forum/my-posts');
    await settled(page);
    const post = card(main, title);
    await post.getByText('Waiting for a grown-up to check it').waitFor();
    await post.getByText(NUMBER, { exact: false }).waitFor();
    threadPath = await post.getByRole('link', { name: title }).getAttribute('href');
    assert.match(threadPath, /^\/forum\/threads\/[0-9a-f-]+$/);
  });

  // Tyler, in the same space, does not see it, even at its address.
  await as('demo-teen-17', async (page, main) => {
    await gotoApp(page, '/forum/spaces/positive-journeys');
    await settled(page);
    await main.getByRole('heading', { level: 2, name: 'Conversations' }).waitFor();
    await main.getByRole('link', { name: 'Ideas for the summer trip' }).waitFor();
    assert.equal(await main.getByText(title).count(), 0, 'Tyler sees the waiting post');
    await gotoApp(page, threadPath);
    await settled(page);
    await page.getByRole('heading', { level: 1, name: "We can't find that conversation" }).waitFor();
    assert.equal(await main.getByText(NUMBER, { exact: false }).count(), 0);
  }, NOT_FOUND);

  // Priya, a 19-year-old care leaver, sees the care leavers' forum only.
  await as('demo-leaver-19', async (page, main) => {
    await gotoApp(page, '/forum');
    await settled(page);
    await main.getByRole('link', { name: 'Positive Journeys Seniors', exact: true }).waitFor();
    assert.equal(await main.getByRole('link', { name: 'Positive Journeys', exact: true }).count(), 0);
    await gotoApp(page, '/forum/spaces/positive-journeys');
    await settled(page);
    await page.getByRole('heading', { level: 1, name: "We can't find that space" }).waitFor();
    await gotoApp(page, threadPath);
    await settled(page);
    await page.getByRole('heading', { level: 1, name: "We can't find that conversation" }).waitFor();
  }, NOT_FOUND);

  // Dee approves it with the number taken out.
  await as('demo-participation', async (page, main) => {
    await gotoApp(page, '/');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Forum' }).click();
    await page.getByRole('heading', { level: 1, name: 'Forum moderation' }).waitFor();
    await settled(page);
    const held = main.getByRole('region', { name: /^Waiting for approval/ });
    const item = card(held, title);
    await item.getByText(`Phone number: “${NUMBER}”`).waitFor();
    await item.locator('mark', { hasText: NUMBER }).waitFor();
    await item.getByText('Personal details').waitFor();
    await checkA11y(page, 'moderation queue with a waiting post');
    await item.getByRole('button', { name: /^Change, then approve/ }).click();
    const text = item.getByLabel('The post as it will go up');
    assert.equal(await text.inputValue(), body);
    await text.fill(edited);
    assert.equal(await item.getByLabel('Title').inputValue(), title);
    await checkA11y(page, 'approve-with-changes form');
    await item.getByRole('button', { name: 'Approve with these changes' }).click();
    await main.getByText('Approved with your changes. Sunny Robin has been told.').waitFor();
    await card(held, title).waitFor({ state: 'detached' });
  });

  // Aisha sees it is up, changed, and what the grown-up said.
  await as('demo-teen-14', async (page, main) => {
    await gotoApp(page, '/forum/my-posts');
    await settled(page);
    const post = card(main, title);
    await post.getByText('Up: others in the space can see it').waitFor();
    await post.getByText('A grown-up changed this to keep everyone safe').waitFor();
    await post.getByText('What the grown-up said:').waitFor();
    await post.getByText('A grown-up took some details out of your post to keep you safe, then put it up.').waitFor();
    await post.getByText(edited).waitFor();
    assert.equal(await post.getByText(NUMBER, { exact: false }).count(), 0);
    await checkA11y(page, 'my posts');
  });

  // Tyler sees it now, and reports it in two taps.
  await as('demo-teen-17', async (page, main) => {
    await gotoApp(page, '/forum/spaces/positive-journeys');
    await settled(page);
    await main.getByRole('link', { name: title }).click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await settled(page);
    const post = card(main, edited);
    await post.getByText('Sunny Robin', { exact: true }).waitFor();
    await checkA11y(page, 'a conversation');
    await post.getByRole('button', { name: /^Report/ }).click();
    await post.getByLabel("Why are you reporting it? You don't have to say.").fill('I do not think this is safe');
    await post.getByRole('button', { name: 'Send the report' }).click();
    await post.getByText('Thank you for telling us.', { exact: false }).waitFor();
  });

  // Dee sees the copy as reported and takes it down, which resolves it.
  await as('demo-participation', async (page, main) => {
    await gotoApp(page, '/staff/forum/moderation');
    await settled(page);
    const reported = main.getByRole('region', { name: /^Reported/ });
    const item = card(reported, title);
    await item.getByText('Reason: “I do not think this is safe”', { exact: false }).waitFor();
    await item.getByText('The post as reported, by Sunny Robin:').waitFor();
    await item.locator('blockquote', { hasText: edited }).waitFor();
    await checkA11y(page, 'moderation queue with a report');
    await item.getByRole('button', { name: /^Take it down/ }).click();
    await item.getByLabel(/^Why\? Sunny Robin will read this/).fill('We take down posts about meeting up outside the group, to keep everyone safe.');
    await item.getByRole('button', { name: 'Take it down', exact: true }).click();
    await main.getByText('Taken down, and any reports on it resolved.', { exact: false }).waitFor();
    await card(reported, title).waitFor({ state: 'detached' });

    // The log: every step, with the original kept.
    await main.getByRole('navigation', { name: 'Forum pages' }).getByRole('link', { name: 'Log' }).click();
    await page.getByRole('heading', { level: 1, name: 'Moderation log' }).waitFor();
    await settled(page);
    for (const action of ['Held for approval by the checks', 'Approved with changes (the young person was told)',
      'Reported by a young person', 'Taken down by a moderator', 'Report resolved']) {
      await main.getByRole('heading', { level: 2, name: action }).first().waitFor();
    }
    const change = card(main, 'Approved with changes');
    await change.first().getByText('Dee Harper (participation officer)').waitFor();
    await change.first().getByText('What was changed').click();
    await change.first().getByText(NUMBER, { exact: false }).waitFor();
    await change.first().getByText(edited).waitFor();
    await card(main, 'Report resolved').first().getByText('Report resolved: post removed.').waitFor();
    await card(main, 'Taken down by a moderator').first()
      .getByText('We take down posts about meeting up outside the group', { exact: false }).waitFor();
    await checkA11y(page, 'moderation log');
    await screenshot(page, 'forum-mod-log.png');
  });

  // Aisha is told why; Pat, a manager, can read the log but not moderate.
  await as('demo-teen-14', async (page, main) => {
    await gotoApp(page, '/forum/my-posts');
    await settled(page);
    const post = card(main, title);
    await post.getByText('Taken down by a grown-up').waitFor();
    await post.getByText('We take down posts about meeting up outside the group', { exact: false }).waitFor();
  });
  await as('demo-manager', async (page, main) => {
    await gotoApp(page, '/staff/forum/log');
    await settled(page);
    await main.getByRole('heading', { level: 2, name: 'Taken down by a moderator' }).first().waitFor();
    await gotoApp(page, '/staff/forum/moderation');
    await page.getByRole('heading', { level: 1, name: 'This page is not for your account' }).waitFor();
  });
});

test('events with places left and sign-up; a new poll answered, closed, and "you said, we did"', async () => {
  const question = `Which day suits the next meeting? ${stamp}`;
  const outcome = `You said Saturdays. We did: the next meeting is on a Saturday (${stamp}).`;
  await as('demo-participation', async (page, main) => {
    await gotoApp(page, '/staff/forum/polls');
    await settled(page);
    await main.getByRole('button', { name: 'Add a poll' }).click();
    await main.getByLabel('For the members of').selectOption({ label: 'Positive Journeys' });
    await main.getByLabel('Question').fill(question);
    await main.getByLabel('Answers to choose from').fill('Friday evening\nSaturday');
    await main.getByLabel('Closes').fill(inTwoWeeks());
    await checkA11y(page, 'new poll form');
    await main.getByRole('button', { name: 'Add the poll' }).click();
    await main.getByText('Saved. Young people in its spaces can answer it now.').waitFor();
    await card(main, question).waitFor();
  });

  await as('demo-teen-17', async (page, main) => {
    await gotoApp(page, '/forum/events');
    await settled(page);
    const meeting = card(main, 'Positive Journeys meeting: plan the summer trip');
    const before = Number((await meeting.getByText(/^Places left: \d+$/).innerText()).match(/\d+/)[0]);
    await meeting.getByRole('button', { name: /^Sign me up/ }).click();
    await meeting.getByLabel('Is there anything that would help you come?', { exact: false }).fill('A lift home, please');
    await checkA11y(page, 'event sign-up');
    await meeting.getByRole('button', { name: 'Sign me up', exact: true }).click();
    await meeting.getByText('You are signed up.', { exact: false }).first().waitFor();
    await meeting.getByText(`Places left: ${before - 1}`).waitFor();
    // Back out again, so the place is free (and the file can run again).
    await meeting.getByRole('button', { name: /^I can't come any more/ }).click();
    await meeting.getByText('You are not signed up any more.', { exact: false }).waitFor();
    await meeting.getByText(`Places left: ${before}`).waitFor();

    await gotoApp(page, '/forum/polls');
    await settled(page);
    const poll = card(main, question);
    await poll.getByRole('button', { name: /^Send my answer/ }).click();
    await poll.getByText('Choose an answer first.').waitFor();
    await poll.getByLabel('Saturday').check();
    await poll.getByRole('button', { name: /^Send my answer/ }).click();
    await poll.getByText('You said: Saturday').waitFor();
    await poll.getByText('Saturday: 1 (100%)').waitFor();
    await checkA11y(page, 'polls');
  });

  await as('demo-participation', async (page, main) => {
    await gotoApp(page, '/staff/forum/polls');
    await settled(page);
    const poll = card(main, question);
    await poll.getByText('Saturday: 1 (100%)').waitFor();
    await poll.getByRole('button', { name: /^Close it/ }).click();
    await poll.getByLabel('You said, we did').fill(outcome);
    await poll.getByRole('button', { name: 'Close it now' }).click();
    await poll.getByText('Saved. Young people can see it.').waitFor();
    await poll.getByText('Closed', { exact: true }).waitFor();
  });

  await as('demo-teen-17', async (page, main) => {
    await gotoApp(page, '/forum/polls');
    await settled(page);
    const poll = card(main, question);
    await poll.getByRole('heading', { name: 'You said, we did' }).waitFor();
    await poll.getByText(outcome).waitFor();
  });
});

test('a young person chooses a forum name, blocks someone, and deletes her own post', async () => {
  const name = `Kind Comet ${stamp.replace(/\d/g, '').slice(-5)}`;
  const title = `Films for the next trip ${stamp}`;
  await as('demo-leaver-19', async (page, main) => {
    await gotoApp(page, '/forum');
    await settled(page);
    // A run that stopped half way may have left Bold Badger blocked.
    const left = main.getByRole('button', { name: /^Unblock\b.*Bold Badger$/ });
    if (await left.count()) {
      await left.click();
      await main.getByText('You see posts by Bold Badger again.').waitFor();
    }
    await main.getByRole('button', { name: 'Choose my forum name' }).click();
    const field = main.getByRole('textbox', { name: 'Your forum name' });
    await field.fill('Priya');
    await main.getByRole('button', { name: 'Save my forum name' }).click();
    await main.getByText('This looks like your real name', { exact: false }).first().waitFor();
    // A member of staff's name, in look-alike letters from another alphabet
    // (Cyrillic), and another member's name the same way: told why.
    await field.fill('\u0405\u0430m \u0420\u0430t\u0435l');
    await main.getByRole('button', { name: 'Save my forum name' }).click();
    await main.getByText('looks like the name of someone who works for the council', { exact: false }).first().waitFor();
    await field.fill('B\u043eld B\u0430dger');
    await main.getByRole('button', { name: 'Save my forum name' }).click();
    await main.getByText("looks too much like another member's forum name", { exact: false }).first().waitFor();
    await field.fill(name);
    await main.getByRole('button', { name: 'Save my forum name' }).click();
    await main.getByText('Saved. Others see your new forum name now.').waitFor();
    await main.getByText(name, { exact: true }).waitFor();

    // Bold Badger (Marcus) wrote in the seniors' space: block him.
    await main.getByRole('link', { name: 'Positive Journeys Seniors', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Positive Journeys Seniors' }).waitFor();
    await settled(page);
    await main.getByRole('link', { name: 'Tips for your first flat' }).click();
    await page.getByRole('heading', { level: 1, name: 'Tips for your first flat' }).waitFor();
    await settled(page);
    const his = card(main, 'Bold Badger');
    await his.getByRole('button', { name: /^Block/ }).click();
    await his.getByText('Block Bold Badger? You will not see their posts any more.', { exact: false }).waitFor();
    await his.getByRole('button', { name: 'Block Bold Badger' }).click();
    // He started the conversation, so all of it goes: back to the forum.
    await page.getByRole('heading', { level: 1, name: 'Positive Journeys' }).waitFor();
    await main.getByText('You blocked Bold Badger.', { exact: false }).waitFor();
    await settled(page);
    assert.equal(await card(main, 'setting-up-home allowance').count(), 0);

    // Unblock from the forum page, so the next run starts the same.
    await gotoApp(page, '/forum');
    await settled(page);
    const blocked = main.getByRole('region', { name: 'People you blocked' });
    await blocked.getByText('Bold Badger', { exact: true }).waitFor();
    await blocked.getByRole('button', { name: /^Unblock\b.*Bold Badger$/ }).click();
    await blocked.getByText('You see posts by Bold Badger again.').waitFor();

    // Over 18 in the seniors' space: her post goes up at once. Then she
    // deletes it, and the conversation goes with it.
    await main.getByRole('link', { name: 'Positive Journeys Seniors', exact: true }).click();
    await settled(page);
    await main.getByRole('button', { name: 'Start a conversation' }).click();
    await main.getByLabel('What is it about?').fill(title);
    await main.getByLabel('What do you want to say?').fill('Anyone seen a good film? See www.bexley.gov.uk/events for the list.');
    await main.getByRole('button', { name: 'Post it' }).click();
    await main.getByText('Posted. Others in this space can see it now.').waitFor();
    await main.getByRole('link', { name: title }).click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await settled(page);
    // The web address is text, not a link.
    await main.locator('.post-link', { hasText: 'www.bexley.gov.uk/events' }).waitFor();
    assert.equal(await main.getByRole('link', { name: /bexley\.gov\.uk/ }).count(), 0);
    const mine = card(main, 'Anyone seen a good film?');
    await mine.getByRole('button', { name: /^Delete/ }).click();
    await mine.getByText('It is the first post, so the whole conversation goes too.').waitFor();
    await mine.getByRole('button', { name: 'Yes, delete it' }).click();
    await page.getByRole('heading', { level: 1, name: 'Positive Journeys Seniors' }).waitFor();
    await main.getByText('Deleted.').waitFor();
    await settled(page);
    assert.equal(await main.getByRole('link', { name: title }).count(), 0);
  }, [/status of 422 \(Unprocessable Entity\) \(https?:\/\/[^/]+\/api\/forum\/me\/display-name\)$/]);
});

test('in Arabic, right to left: the forum, a space, a conversation, events and polls', async () => {
  await saveLanguage('demo-leaver-23', 'ar');
  try {
    await as('demo-leaver-23', async (page, main) => {
      await page.waitForFunction(() => document.documentElement.lang === 'ar', null, { timeout: 15_000 });
      for (const [path, h1] of [
        ['/forum', /^رحلات إيجابية$/],
        ['/forum/spaces/positive-journeys-seniors', /^Positive Journeys Seniors$/],
        ['/forum/my-posts', /^منشوراتي$/],
        ['/forum/events', /^الفعاليات$/],
        ['/forum/polls', /^قل رأيك$/],
      ]) {
        await gotoApp(page, path);
        await page.getByRole('heading', { level: 1, name: h1 }).waitFor();
        await settled(page);
        assert.equal(await page.evaluate(() => document.documentElement.dir), 'rtl');
        await checkA11y(page, `${path} in Arabic`);
      }
      await gotoApp(page, '/forum/spaces/positive-journeys-seniors');
      await settled(page);
      await main.getByRole('link', { name: 'Tips for your first flat' }).click();
      await page.getByRole('heading', { level: 1, name: 'Tips for your first flat' }).waitFor();
      await settled(page);
      await main.getByRole('button', { name: /^إبلاغ/ }).first().waitFor();
      await main.getByRole('heading', { level: 2, name: 'الرد' }).waitFor();
      await checkA11y(page, 'a conversation in Arabic');
      await screenshot(page, 'forum-thread-ar.png');
    });
  } finally {
    await saveLanguage('demo-leaver-23', 'en');
  }
});
