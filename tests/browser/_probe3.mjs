import { launchBrowser, newCheckedPage, gotoApp, settled, BASE_URL } from './helpers.mjs';
const browser = await launchBrowser();
const { context, page } = await newCheckedPage(browser);
page.on('console', m => console.log('console:', m.type(), m.text()));
let bump = 0;
await context.route('**/sw.js', async (route) => {
  const res = await route.fetch();
  let body = await res.text();
  if (bump) body = body.replace(/"version":"([0-9a-f]+)"/, `"version":"$1x${bump}"`);
  console.log('routed sw.js, bump', bump);
  await route.fulfill({ response: res, body });
});
await gotoApp(page, '/');
await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 10000 });
bump = 1;
await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
try {
  await page.getByText('A new version of Good for Me is ready.').waitFor({ timeout: 10000 });
  console.log('banner shown');
  const before = await page.evaluate(() => navigator.serviceWorker.controller.scriptURL);
  await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Reload to get it' }).click()]);
  await page.locator('main h1').first().waitFor();
  console.log('reloaded; caches', await page.evaluate(() => caches.keys()));
  console.log('banner after', await page.getByText('A new version of Good for Me is ready.').count());
} catch (e) { console.log('no banner', e.message); }
// permission without grant
await gotoApp(page, '/sign-in');
console.log('perm', await page.evaluate(async () => [Notification.permission, await Notification.requestPermission()]));
await browser.close();
