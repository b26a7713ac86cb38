// Issue 9, "in the young person's language": Arabic, right to left, as each
// person's own setting (kept on the server), and the phone's language (or a
// switch in the header) for someone not signed in.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  launchBrowser, newCheckedPage, gotoApp, assertClean, signIn, settled, screenshot, PHONE,
  checkA11y,
} from './helpers.mjs';
import { saveLanguage } from './demo-data.mjs';

const AISHA = 'demo-teen-14';

/** Aisha's own pages, with their Arabic headings. */
const ARABIC_PAGES = [
  { path: '/', name: 'home', h1: /^مرحبًا يا Aisha$/ },
  { path: '/my/plan', name: 'my-plan', h1: /^(خطتي|خطة رعايتي|خطة مساري)$/ },
  { path: '/my/people', name: 'my-people', h1: /^الأشخاص من حولي$/ },
  { path: '/my/offer', name: 'my-offer', h1: /^عرضي$/ },
  { path: '/account', name: 'account', h1: /^حسابي$/ },
  { path: '/help', name: 'help', h1: /^احصل على المساعدة الآن$/ },
];

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => {
  // Whatever happened, Aisha reads English again for the other tests.
  await saveLanguage(AISHA, 'en').catch(() => {});
  await browser?.close();
});

/** `<html lang dir>` as the app set them. */
async function htmlLanguage(page) {
  return page.evaluate(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir }));
}

async function waitForLanguage(page, lang) {
  await page.waitForFunction((l) => document.documentElement.lang === l, lang, { timeout: 15_000 });
}

test('a young person chooses Arabic: every page of theirs reads Arabic, right to left, and back to English', async () => {
  await saveLanguage(AISHA, 'en');
  const { context, page, problems } = await newCheckedPage(browser);
  try {
    await signIn(page, AISHA);
    assert.deepEqual(await htmlLanguage(page), { lang: 'en-GB', dir: 'ltr' });
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Account' }).click();
    await page.getByRole('heading', { level: 1, name: 'My account' }).waitFor();

    // The choice: each language named in its own words.
    const language = page.getByRole('region', { name: 'Language' });
    assert.equal(await language.getByRole('button', { name: 'English' }).getAttribute('aria-pressed'), 'true');
    await language.getByRole('button', { name: 'العربية' }).click();
    await waitForLanguage(page, 'ar');
    assert.deepEqual(await htmlLanguage(page), { lang: 'ar', dir: 'rtl' });
    await page.getByRole('heading', { level: 1, name: 'حسابي' }).waitFor();
    // Said, and where focus now is (the page was drawn again).
    const saved = page.getByRole('status').getByText('التطبيق الآن باللغة العربية.');
    await saved.waitFor();
    assert.equal(await saved.evaluate((el) => el === document.activeElement), true);
    assert.equal(await page.getByRole('region', { name: 'اللغة' })
      .getByRole('button', { name: 'العربية' }).getAttribute('aria-pressed'), 'true');
    await page.getByRole('navigation', { name: 'القائمة الرئيسية' }).waitFor();
    await screenshot(page, 'account-arabic-360.png');

    // Every page of hers, opened afresh: the setting comes from the server.
    for (const entry of ARABIC_PAGES) {
      await gotoApp(page, entry.path);
      await waitForLanguage(page, 'ar');
      await page.getByRole('heading', { level: 1, name: entry.h1 }).waitFor();
      await settled(page);
      assert.deepEqual(await htmlLanguage(page), { lang: 'ar', dir: 'rtl' }, entry.name);
      assert.match(await page.title(), / - Good for Me$/);
      assert.doesNotMatch(await page.title(), /^(Home|My plan|My people|My offer|My account|Get help now) /, entry.name);
      // The bottom bar speaks Arabic too, and lies right to left.
      const nav = page.getByRole('navigation', { name: 'القائمة الرئيسية' });
      await nav.getByRole('link', { name: 'الرئيسية' }).waitFor();
      const [first, last] = await nav.locator('li').evaluateAll((lis) => [lis[0], lis[lis.length - 1]]
        .map((li) => li.getBoundingClientRect().left));
      assert.ok(first > last, `${entry.name}: the bar starts on the right`);
      await checkA11y(page, entry.name);
    }
    await screenshot(page, 'help-arabic-360.png');

    // Back to English.
    await gotoApp(page, '/account');
    await waitForLanguage(page, 'ar');
    await page.getByRole('region', { name: 'اللغة' }).getByRole('button', { name: 'English' }).click();
    await waitForLanguage(page, 'en-GB');
    assert.deepEqual(await htmlLanguage(page), { lang: 'en-GB', dir: 'ltr' });
    await page.getByRole('heading', { level: 1, name: 'My account' }).waitFor();
    await page.getByRole('status').getByText('The app is now in English.').waitFor();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My plan' }).click();
    await page.getByRole('heading', { level: 1, name: /^My (care |pathway )?plan$/ }).waitFor();
    await assertClean(page, problems);
  } finally {
    await context.close();
  }
});

test('the setting is kept on the server: it comes back at the next sign-in, on any phone', async () => {
  await saveLanguage(AISHA, 'en');
  const { context, page, problems } = await newCheckedPage(browser);
  try {
    await signIn(page, AISHA);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Account' }).click();
    await page.getByRole('region', { name: 'Language' }).getByRole('button', { name: 'العربية' }).click();
    await waitForLanguage(page, 'ar');

    // Sign out (in Arabic): the phone's language comes back for whoever is next.
    await page.getByRole('heading', { level: 1, name: 'حسابي' }).waitFor();
    await page.locator('main').getByRole('button', { name: 'تسجيل الخروج', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: /welcome to Good for Me/i }).waitFor();
    assert.deepEqual(await htmlLanguage(page), { lang: 'en-GB', dir: 'ltr' });
    await page.getByRole('status').getByText('You have signed out.').waitFor();
    await assertClean(page, problems);
  } finally {
    await context.close();
  }

  // Another phone, a new sign-in: Arabic, from her account.
  const other = await newCheckedPage(browser);
  try {
    await signIn(other.page, AISHA);
    await waitForLanguage(other.page, 'ar');
    await other.page.getByRole('heading', { level: 1, name: 'مرحبًا يا Aisha' }).waitFor();
    assert.deepEqual(await htmlLanguage(other.page), { lang: 'ar', dir: 'rtl' });
    // Her links, in Arabic.
    await other.page.locator('main').getByRole('link', { name: 'الأشخاص من حولي' }).click();
    await other.page.getByRole('heading', { level: 1, name: 'الأشخاص من حولي' }).waitFor();
    await assertClean(other.page, other.problems);
  } finally {
    await other.context.close();
    await saveLanguage(AISHA, 'en');
  }
});

test('signed out: the phone\'s language is used, and the header switch changes it for this visit', async () => {
  // A phone set to Arabic (Syria) first, then French.
  const arabicPhone = await newCheckedPage(browser, { ...PHONE, locale: 'ar-SY' });
  try {
    const { page, problems } = arabicPhone;
    await gotoApp(page, '/');
    await page.getByRole('heading', { level: 1, name: 'مرحبًا بك في Good for Me' }).waitFor();
    assert.deepEqual(await htmlLanguage(page), { lang: 'ar', dir: 'rtl' });
    await settled(page);
    await checkA11y(page, 'home signed out, Arabic phone');
    await screenshot(page, 'home-arabic-360.png');
    // Childline's number stays as it is, and reads left to right.
    const childline = page.locator('main').getByRole('link', { name: '0800 1111' });
    assert.equal(await childline.getAttribute('href'), 'tel:08001111');
    await assertClean(page, problems);
  } finally {
    await arabicPhone.context.close();
  }

  const { context, page, problems } = await newCheckedPage(browser);
  try {
    await gotoApp(page, '/sign-in');
    assert.deepEqual(await htmlLanguage(page), { lang: 'en-GB', dir: 'ltr' });
    const header = page.getByRole('banner');
    await header.getByRole('button', { name: 'العربية' }).click();
    await waitForLanguage(page, 'ar');
    await page.getByRole('heading', { level: 1, name: 'تسجيل الدخول' }).waitFor();
    // Focus stays on the switch, now offering English back.
    const back = header.getByRole('button', { name: 'English' });
    await back.waitFor();
    assert.equal(await back.evaluate((el) => el === document.activeElement), true);
    assert.equal(await back.getAttribute('lang'), 'en-GB');
    await checkA11y(page, 'sign in, Arabic');
    // The pick lasts while moving around the app.
    await page.getByRole('navigation', { name: 'القائمة الرئيسية' }).getByRole('link', { name: 'مساعدة' }).click();
    await page.getByRole('heading', { level: 1, name: 'احصل على المساعدة الآن' }).waitFor();
    await settled(page);
    await checkA11y(page, 'help, Arabic');
    await page.getByRole('navigation', { name: 'القائمة الرئيسية' }).getByRole('link', { name: 'الرئيسية' }).click();
    await page.getByRole('heading', { level: 1, name: 'مرحبًا بك في Good for Me' }).waitFor();
    await checkA11y(page, 'home, Arabic');
    // An error in Arabic: the server's words, translated.
    await page.getByRole('navigation', { name: 'القائمة الرئيسية' }).getByRole('link', { name: 'الدخول' }).click();
    const main = page.locator('main');
    await main.getByLabel('اسم المستخدم').fill(AISHA);
    await main.getByLabel('كلمة المرور', { exact: true }).fill('not her password');
    await main.getByRole('button', { name: 'تسجيل الدخول', exact: true }).click();
    const problemBox = page.getByRole('alert');
    await problemBox.getByRole('heading', { name: 'هناك مشكلة' }).waitFor();
    await problemBox.getByText('اسم المستخدم وكلمة المرور غير متطابقين. تحقّق منهما ثم حاول مرة أخرى.').waitFor();
    // And back to English.
    await header.getByRole('button', { name: 'English' }).click();
    await waitForLanguage(page, 'en-GB');
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    assert.deepEqual(await htmlLanguage(page), { lang: 'en-GB', dir: 'ltr' });
    await assertClean(page, problems, {
      allow: [/status of 401 \(Unauthorized\) \(https?:\/\/[^/]+\/api\/auth\/login\)$/],
    });
  } finally {
    await context.close();
  }
});

/**
 * The rest of a young person's pages, in Arabic: each one's heading reads
 * Arabic, the tab's title is Arabic, and axe and reflow pass at 360px and
 * 200% zoom. (What workers or the council wrote, such as plan text or an
 * offer's details, stays in the words they wrote it in.)
 */
const ARABIC = /[\u0600-\u06FF]/;
const MORE_PAGES = [
  { user: 'demo-child-10', paths: ['/my/review', '/my/review/feedback', '/notifications', '/account/notifications', '/about', '/offer'] },
  { user: AISHA, paths: ['/my/offer/requests', '/forum', '/forum/spaces/positive-journeys', '/forum/my-posts', '/forum/events', '/forum/polls'] },
];
/** Pages whose heading is a name someone gave (a forum space's). */
const NAMED = new Set(['/forum/spaces/positive-journeys']);

test('every other page a young person opens reads Arabic, right to left, and passes axe', async () => {
  for (const { user, paths } of MORE_PAGES) {
    await saveLanguage(user, 'ar');
    const { context, page, problems } = await newCheckedPage(browser);
    try {
      await signIn(page, user);
      await waitForLanguage(page, 'ar');
      for (const path of paths) {
        await gotoApp(page, path);
        await waitForLanguage(page, 'ar');
        await settled(page);
        const h1 = await page.locator('main h1').first().innerText();
        if (!NAMED.has(path)) assert.match(h1, ARABIC, `${path}: the heading reads Arabic ("${h1}")`);
        assert.match(await page.title(), ARABIC, `${path}: the tab's title reads Arabic`);
        assert.deepEqual(await htmlLanguage(page), { lang: 'ar', dir: 'rtl' }, path);
        await checkA11y(page, `${path} (Arabic)`);
      }
      // A conversation of the forum, opened from its space.
      if (paths.includes('/forum/spaces/positive-journeys')) {
        await gotoApp(page, '/forum/spaces/positive-journeys');
        await settled(page);
        const thread = page.locator('main a[href^="/forum/threads/"]').first();
        if (await thread.count()) {
          await thread.click();
          await page.waitForURL(/\/forum\/threads\//);
          await settled(page);
          assert.deepEqual(await htmlLanguage(page), { lang: 'ar', dir: 'rtl' }, 'a conversation');
          await checkA11y(page, 'a conversation (Arabic)');
        }
      }
      await assertClean(page, problems);
    } finally {
      await context.close();
      await saveLanguage(user, 'en');
    }
  }
});
