import { launchBrowser } from './helpers.mjs';
const BASE='http://127.0.0.1:18401';
const browser = await launchBrowser();
const context = await browser.newContext();
const page = await context.newPage();
page.on('console', m => console.log('console:', m.type(), m.text()));
await page.goto(BASE + '/');
const cdp = await context.newCDPSession(page);
const regs = [];
cdp.on('ServiceWorker.workerRegistrationUpdated', (e) => regs.push(...e.registrations));
await cdp.send('ServiceWorker.enable');
await page.evaluate(async () => { await navigator.serviceWorker.register('/sw.js'); await navigator.serviceWorker.ready; });
await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 10000 });
console.log('controlled', await page.evaluate(() => !!navigator.serviceWorker.controller));
console.log('caches', await page.evaluate(async () => caches.keys()));
console.log('regs', regs);
console.log('sws', context.serviceWorkers().map(w => w.url()));
// subscribe behaviour
await context.grantPermissions(['notifications'], { origin: BASE });
const t0 = Date.now();
const sub = await page.evaluate(async () => {
  const reg = await navigator.serviceWorker.ready;
  const key = (await (await fetch('/api/push/vapid-public-key')).json()).public_key;
  const raw = Uint8Array.from(atob(key.replace(/-/g,'+').replace(/_/g,'/')), c => c.charCodeAt(0));
  try {
    const s = await Promise.race([reg.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: raw }), new Promise((_, r) => setTimeout(() => r(new Error('timeout 20s')), 20000))]);
    return 'ok ' + JSON.stringify(s);
  } catch (e) { return 'err ' + e.name + ': ' + e.message; }
});
console.log('subscribe:', sub, Date.now() - t0, 'ms');
// push via CDP
const reg = regs.find(r => r.scopeURL === BASE + '/' && !r.isDeleted);
await cdp.send('ServiceWorker.deliverPushMessage', { origin: BASE, registrationId: reg.registrationId, data: JSON.stringify({ id: 'n-1', title: 'You have an update', link: '/notifications/n-1', urgent: false }) });
await page.waitForTimeout(1000);
console.log('notifications', await page.evaluate(async () => (await (await navigator.serviceWorker.ready).getNotifications()).map(n => ({ tag: n.tag, title: n.title, body: n.body, data: n.data }))));
// offline
await context.setOffline(true);
const r = await page.evaluate(async () => { try { const x = await fetch('/api/councils'); return x.status + ' ' + x.headers.get('x-saved-at'); } catch (e) { return 'err ' + e.message; } });
console.log('offline councils', r);
await page.reload();
console.log('reload offline title', await page.title());
const sw = context.serviceWorkers()[0];
console.log('sw eval', await sw.evaluate(() => typeof self.openFromNotification));
await browser.close();
