import { launchBrowser, newCheckedPage, gotoApp, signIn, settled, screenshot } from './helpers.mjs';
const browser = await launchBrowser();
const visits = [
  ['demo-teen-14', ['/forum', '/forum/spaces/positive-journeys', '/forum/my-posts', '/forum/events', '/forum/polls']],
  ['demo-participation', ['/staff/forum/moderation', '/staff/forum/threads', '/staff/forum/words', '/staff/forum/log', '/staff/forum/participation', '/staff/forum/events', '/staff/forum/polls', '/staff/forum/spaces']],
];
for (const [user, paths] of visits) {
  const { context, page, problems } = await newCheckedPage(browser);
  await signIn(page, user);
  for (const p of paths) {
    await gotoApp(page, p);
    await settled(page);
    const text = (await page.locator('main').innerText()).slice(0, 600).replace(/\n+/g, ' | ');
    console.log(`\n== ${user} ${p}\n${text}`);
    await screenshot(page, `pj-${user}-${p.replaceAll('/', '_')}.png`);
  }
  console.log('problems', JSON.stringify(problems));
  await context.close();
}
await browser.close();
