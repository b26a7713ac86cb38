import { launchBrowser, newCheckedPage, gotoApp } from './helpers.mjs';
const browser = await launchBrowser();
const { context, page } = await newCheckedPage(browser);
page.on('console', m => { if (!/integrity|401/.test(m.text())) console.log('console:', m.type(), m.text()); });
await gotoApp(page, '/');
await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 10000 });
const cdp = await browser.newBrowserCDPSession();
cdp.on('Fetch.requestPaused', async (e) => {
  console.log('paused', e.request.url, e.resourceType);
  const res = await fetch(e.request.url);
  let body = await res.text();
  body = body.replace(/"version":"([0-9a-f]+)"/, `"version":"$1x1"`);
  await cdp.send('Fetch.fulfillRequest', { requestId: e.requestId, responseCode: 200, responseHeaders: [{ name: 'Content-Type', value: 'text/javascript' }, { name: 'Cache-Control', value: 'no-cache' }], body: Buffer.from(body).toString('base64') });
});
await cdp.send('Fetch.enable', { patterns: [{ urlPattern: '*/sw.js' }] });
console.log(await page.evaluate(async () => { try { await (await navigator.serviceWorker.getRegistration()).update(); return 'updated'; } catch (e) { return e.message; } }));
try {
  await page.getByText('A new version of Good for Me is ready.').waitFor({ timeout: 10000 });
  console.log('banner shown');
  await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Reload to get it' }).click()]);
  await page.locator('main h1').first().waitFor();
  console.log('reloaded; caches', await page.evaluate(() => caches.keys()));
  console.log('banner after', await page.getByText('A new version of Good for Me is ready.').count());
} catch (e) { console.log('no banner', e.message); }
await browser.close();
