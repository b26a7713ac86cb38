import { launchBrowser } from './helpers.mjs';
const browser = await launchBrowser();
const page = await browser.newPage();
page.on('console', m => console.log('console:', m.type(), m.text().slice(0, 500)));
page.on('pageerror', e => console.log('pageerror', e.message.slice(0, 800)));
await page.goto('http://127.0.0.1:18401/');
await page.waitForTimeout(4000);
console.log((await page.content()).slice(0, 1500));
await browser.close();
