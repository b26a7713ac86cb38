import { launchBrowser, newCheckedPage, gotoApp } from './helpers.mjs';
const browser = await launchBrowser();
const { context, page } = await newCheckedPage(browser);
page.on('console', m => { if (!/integrity|401/.test(m.text())) console.log('console:', m.type(), m.text()); });
await gotoApp(page, '/');
await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 10000 });
await page.evaluate(() => navigator.serviceWorker.register('/sw.js?v=2'));
try {
  await page.getByText('A new version of Good for Me is ready.').waitFor({ timeout: 10000 });
  console.log('banner shown');
  await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Reload to get it' }).click()]);
  await page.locator('main h1').first().waitFor();
  console.log('controller', await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL));
  await page.waitForTimeout(2000);
  console.log('banner after', await page.getByText('A new version of Good for Me is ready.').count());
} catch (e) { console.log('no banner', e.message); }
await browser.close();
