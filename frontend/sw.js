// Good for Me's service worker, served from the root (/sw.js, scope /) with
// `Cache-Control: no-cache`, so the browser checks for a new one on every
// start.
//
// - The app shell (every file of this build) is cached at install, so the
//   app starts with no signal. Hashed build files are cached as they are
//   fetched, too; they never change, so the cache answers first.
// - Pages (navigations) come from the network first, so a new version is
//   never hidden behind an old one (each is kept for next time); offline,
//   the kept page answers.
// - A new worker waits until the app asks it to take over ("A new version is
//   ready" -> Reload), so a page never mixes two versions.
// - A young person's own data (GET /api/me, my offer, my plan, my people, my
//   reviews, my notifications) comes from the network first. A signed-in
//   answer is kept; when the network fails the kept copy answers, with an
//   `X-Saved-At` header the app turns into "Saved on <date>".
// - Nothing personal survives sign-out: the server's `Clear-Site-Data` and
//   the app both empty the caches, and this worker drops what it keeps when
//   it sees a sign-in, a sign-out or the app's "clear" message.
// - `push` shows the payload's neutral title (tag = its id, so a resend
//   replaces itself); a tap opens the app at the payload's link.
//
// Plain JavaScript with no imports: the CSP allows scripts from this origin
// only, and there is no build step beyond the stamp below.
'use strict';

// Stamped by scripts/trunk-post-build.py at build time: a hash of the build
// (a new one makes the browser see a new worker), its files, and the words
// of a push notification in each language (from notifications.ftl).
const BUILD = { version: 'dev', shell: ['/'], words: {} };

const SHELL_CACHE = `gfm-shell-${BUILD.version}`;
const DATA_CACHE = 'gfm-data';
/** Kept data older than this is not shown (a month-old plan misleads). */
const MAX_SAVED_MS = 30 * 24 * 60 * 60 * 1000;
/** A page from the network that takes longer than this comes from the cache. */
const NAVIGATION_TIMEOUT_MS = 6000;
/**
 * Build files have a content hash in their name: `style-0123456789abcdef.css`
 * (Trunk writes a 64-bit hash in hex without leading zeros, so it may be a
 * little shorter than 16).
 */
const HASHED = /-[0-9a-f]{10,16}(_bg)?\.[a-z0-9]+$/;

/**
 * A young person's own data that opens offline: exact paths, and paths
 * under them. Public data (the council, its offer) is kept too. Nothing
 * else of the API is ever kept.
 */
const SAVED_PATHS = [
  '/api/councils',
  '/api/me',
  '/api/me/home',
  '/api/me/offer',
  '/api/me/offer/requests',
  '/api/me/plan',
  '/api/me/plan/history',
  '/api/me/plan/questions',
  '/api/me/people',
  '/api/me/reviews',
  '/api/me/notifications',
];
const SAVED_PREFIXES = ['/api/me/reviews/', '/api/me/forms/', '/api/me/feedback/'];

function isSaved(url) {
  const path = url.pathname;
  if (path.endsWith('.ics')) return false;
  return SAVED_PATHS.includes(path) || SAVED_PREFIXES.some((p) => path.startsWith(p));
}

/** Bumped by every clear: an answer that was on its way keeps no copy. */
let clears = 0;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(SHELL_CACHE).then((cache) => cache.addAll(BUILD.shell.map((u) => new Request(u, { cache: 'no-cache' })))),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      await Promise.all(
        names.filter((n) => n.startsWith('gfm-shell-') && n !== SHELL_CACHE).map((n) => caches.delete(n)),
      );
      // The first worker takes the open pages at once, so they work offline
      // without a reload. A later one only activates when the app asked.
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('message', (event) => {
  const type = event.data && event.data.type;
  if (type === 'skip-waiting') {
    self.skipWaiting();
  } else if (type === 'language' && /^[a-z]{2,3}$/.test(event.data.lang || '')) {
    const lang = event.data.lang;
    event.waitUntil(caches.open(PREFS_CACHE).then((cache) => cache.put('/language', new Response(lang))));
  } else if (type === 'clear') {
    event.waitUntil(clearData().then(() => reply(event, { type: 'cleared' })));
  }
});

function reply(event, message) {
  if (event.ports && event.ports[0]) event.ports[0].postMessage(message);
}

async function clearData() {
  clears += 1;
  await Promise.all([caches.delete(DATA_CACHE), caches.delete(PREFS_CACHE)]);
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;

  if (request.method !== 'GET') {
    // Someone signs in or out: whatever was kept goes, and answers still on
    // their way keep no copy. The request itself goes to the network as it is
    // (so the browser acts on the server's Clear-Site-Data).
    if (/^\/api\/auth\/(login|activate|logout)$/.test(url.pathname)) {
      event.waitUntil(clearData());
    }
    return;
  }
  if (url.pathname.startsWith('/api/')) {
    if (isSaved(url)) event.respondWith(networkFirst(event, request, url));
    return;
  }
  if (request.mode === 'navigate') {
    event.respondWith(page(event, request));
    return;
  }
  if (HASHED.test(url.pathname) || BUILD.shell.includes(url.pathname)) {
    event.respondWith(cacheFirst(event, request));
  }
});

/**
 * Staff pages are a second app (frontend/staff.html, served for /staff and
 * /admin). It is not in the shell (young people's phones never download
 * it); its page is kept when it is opened, for the next start offline.
 */
const STAFF_PAGES = /^\/(staff|admin)(\/|$)/;
const STAFF_SHELL = '/staff-app/';

/**
 * A page of the app: the network's index.html (kept, so the next start
 * offline has the newest), or the kept one.
 */
async function page(event, request) {
  const path = new URL(request.url).pathname;
  const staff = STAFF_PAGES.test(path);
  // Give up on a slow network only when a kept copy of this same app can
  // answer instead: the young people's shell cannot show a staff page, so
  // a staff page with no kept staff shell waits for the network.
  const ownKept = await caches.match(staff ? STAFF_SHELL : '/', { cacheName: SHELL_CACHE });
  try {
    const fetched = fetch(request);
    const response = ownKept ? await withTimeout(fetched, NAVIGATION_TIMEOUT_MS) : await fetched;
    // Only the app's own pages (no dot: /my/plan, not /manifest.webmanifest).
    const appPage = !path.split('/').pop().includes('.')
      && (response.headers.get('Content-Type') || '').startsWith('text/html');
    if (response.ok && appPage) {
      const copy = response.clone();
      const key = staff ? STAFF_SHELL : '/';
      event.waitUntil(caches.open(SHELL_CACHE).then((cache) => cache.put(key, copy)));
    }
    if (response.ok || response.status === 404) return response;
    const cached = await shellIndex(staff);
    return cached || response;
  } catch (err) {
    const cached = await shellIndex(staff);
    if (cached) return cached;
    throw err;
  }
}

async function shellIndex(staff) {
  const kept = staff ? await caches.match(STAFF_SHELL, { cacheName: SHELL_CACHE }) : null;
  return kept || caches.match('/', { cacheName: SHELL_CACHE });
}

function withTimeout(promise, ms) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timed out')), ms);
    promise.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e) => {
        clearTimeout(timer);
        reject(e);
      },
    );
  });
}

/** Build files: the cache, or the network (and then the cache). */
async function cacheFirst(event, request) {
  const cached = await caches.match(request, { cacheName: SHELL_CACHE });
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok && response.type === 'basic') {
    const copy = response.clone();
    event.waitUntil(caches.open(SHELL_CACHE).then((cache) => cache.put(request, copy)));
  }
  return response;
}

/**
 * The network's answer; a signed-in 200 is kept (stamped with when). With no
 * network, the kept copy, if it is not too old.
 */
async function networkFirst(event, request, url) {
  const key = url.pathname + url.search;
  const clearsBefore = clears;
  let response;
  try {
    response = await fetch(request);
  } catch (err) {
    const saved = await caches.match(key, { cacheName: DATA_CACHE, ignoreVary: true });
    if (saved && Date.now() - Date.parse(saved.headers.get('X-Saved-At') || '') < MAX_SAVED_MS) {
      return saved;
    }
    throw err;
  }
  const personal = url.pathname !== '/api/councils';
  if (response.ok && (!personal || request.headers.has('Authorization'))) {
    const copy = response.clone();
    event.waitUntil(
      (async () => {
        const headers = new Headers(copy.headers);
        headers.set('X-Saved-At', new Date().toISOString());
        const body = await copy.blob();
        // Signed out (or in as someone else) while this was on its way.
        if (clears !== clearsBefore) return;
        const cache = await caches.open(DATA_CACHE);
        await cache.put(key, new Response(body, { status: copy.status, statusText: copy.statusText, headers }));
      })(),
    );
  }
  return response;
}

// ------------------------------------------------------------------ push

self.addEventListener('push', (event) => {
  event.waitUntil(
    (async () => {
      const message = readPush(event);
      const words = await pushWords();
      await self.registration.showNotification(message.urgent ? words.urgent : words.title, {
        tag: message.id,
        body: words.body,
        icon: '/icons/icon-192.png',
        badge: '/icons/badge-96.png',
        data: { id: message.id, link: message.link },
        // A resend replaces the first quietly; urgent staff alerts stay.
        renotify: false,
        requireInteraction: message.urgent,
        lang: words.lang,
        dir: words.lang === 'ar' ? 'rtl' : 'ltr',
      });
      await tellClients({ type: 'push', id: message.id });
    })(),
  );
});

/** The payload (JSON {id, title, link, urgent}); anything unreadable still
 * shows the neutral message, which opens the notifications list. */
function readPush(event) {
  let data = {};
  try {
    data = event.data ? event.data.json() : {};
  } catch (_) {
    data = {};
  }
  return {
    id: typeof data.id === 'string' && data.id ? data.id.slice(0, 64) : 'update',
    link: safeLink(data.link),
    urgent: data.urgent === true,
  };
}

const ENGLISH = { title: 'You have an update', urgent: 'You have an urgent alert', body: 'Open Good for Me to see it.' };
const PREFS_CACHE = 'gfm-prefs';

/**
 * The neutral words of a push, in the language the app last told this
 * worker (the person's choice), else the phone's. The payload's own title
 * is the same neutral English words, so nothing is lost.
 */
async function pushWords() {
  let lang = '';
  try {
    const saved = await caches.match('/language', { cacheName: PREFS_CACHE });
    if (saved) lang = await saved.text();
  } catch (_) {
    lang = '';
  }
  if (!lang) lang = (self.navigator.language || 'en').split('-')[0];
  const words = (BUILD.words && BUILD.words[lang]) || null;
  if (words) return { ...ENGLISH, ...words, lang };
  return { ...ENGLISH, ...((BUILD.words && BUILD.words.en) || {}), lang: 'en-GB' };
}

/** Only a path inside the app; anything else opens the notifications list. */
function safeLink(link) {
  if (typeof link !== 'string' || !link.startsWith('/') || link.startsWith('//') || link.startsWith('/api/')) {
    return '/notifications';
  }
  try {
    const url = new URL(link, self.location.origin);
    return url.origin === self.location.origin ? url.pathname + url.search : '/notifications';
  } catch (_) {
    return '/notifications';
  }
}

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  event.waitUntil(openFromNotification(event.notification.data || {}));
});

/**
 * A tap on a notification: an open window of the app goes to the link
 * (through its router, so nothing is reloaded and the person stays signed
 * in) and comes to the front; with none open, a new one opens there.
 */
async function openFromNotification(data) {
  const link = safeLink(data.link);
  const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
  const open = windows.find((c) => new URL(c.url).origin === self.location.origin);
  if (open) {
    open.postMessage({ type: 'open', link });
    try {
      await open.focus();
    } catch (_) {
      // Focusing needs a real tap; the page has moved anyway.
    }
    return { opened: 'existing', link };
  }
  if (self.clients.openWindow) await self.clients.openWindow(link);
  return { opened: 'new', link };
}
self.openFromNotification = openFromNotification;

async function tellClients(message) {
  const windows = await self.clients.matchAll({ type: 'window' });
  windows.forEach((c) => c.postMessage(message));
}

// A push service may replace the subscription; the app registers the new
// one the next time it opens (it checks on every start).
self.addEventListener('pushsubscriptionchange', () => {
  tellClients({ type: 'subscription-changed' });
});
