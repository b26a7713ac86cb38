// Shared helpers for the browser tests. Each area of the app gets its own
// `<area>.test.mjs` file that imports from here.
//
// Environment:
//   BASE_URL   a running app to test; without it each test file starts a
//              fresh server of its own (server.mjs)
//   CHROMIUM   the browser binary (default /usr/bin/chromium). Never
//              downloaded: Debian's chromium is driven by playwright-core.

import { chromium } from 'playwright-core';
import { createRequire } from 'node:module';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serverUrl } from './server.mjs';

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));

/** The app under test: BASE_URL, or this file's own fresh server. */
export const BASE_URL = await serverUrl();
export const ORIGIN = new URL(BASE_URL).origin;
export const ARTIFACTS = path.join(here, 'artifacts');

/** The pages every generic check (axe, reflow, console) visits, signed out. */
export const PAGES = [
  { path: '/', name: 'home', h1: /welcome to Good for Me/i },
  { path: '/help', name: 'help', h1: /Get help now/i },
  { path: '/about', name: 'about', h1: /About this app/i },
  { path: '/sign-in', name: 'sign-in', h1: /^Sign in$/ },
  { path: '/activate', name: 'activate', h1: /Choose your password/i },
  { path: '/offer', name: 'offer', h1: /^The local offer$/ },
  { path: '/no-such-page', name: 'not-found', h1: /We can't find that page/i },
];

/** Every demo account's password (DEMO_DATA=1). */
export const DEMO_PASSWORD = 'good-for-me-demo';

/**
 * The pages only a signed-in person sees, and who to sign in as. `id: 'Leo'`
 * means "the page of the young person called Leo on that person's list".
 */
export const SIGNED_IN_PAGES = [
  { user: 'demo-child-10', path: '/', name: 'home-young-person', h1: /^Hi, Leo$/ },
  { user: 'demo-child-10', path: '/account', name: 'account-young-person', h1: /^My account$/ },
  { user: 'demo-sw', path: '/', name: 'home-social-worker', h1: /^Hello, Sam$/ },
  { user: 'demo-sw', path: '/account', name: 'account-social-worker', h1: /^My account$/ },
  { user: 'demo-sw', path: '/staff/people', name: 'caseload', h1: /^My young people$/ },
  { user: 'demo-sw', person: 'Leo', name: 'person-social-worker', h1: /^Leo$/ },
  { user: 'demo-manager', person: 'Riley', name: 'person-manager', h1: /^Riley$/ },
  { user: 'demo-manager', path: '/staff/people/new', name: 'new-person', h1: /^Add a young person$/ },
  { user: 'demo-manager', person: 'Leo', tail: '/audit', name: 'audit', h1: /^Who has seen this record$/ },
  { user: 'demo-admin', path: '/admin/staff', name: 'staff-accounts', h1: /^Staff accounts$/ },
  // Issue 6: the administrator's feedback forms and review promise.
  { user: 'demo-admin', path: '/admin/forms', name: 'feedback-forms', h1: /^Feedback forms$/ },
  { user: 'demo-admin', path: '/admin/forms/from8_to11', name: 'feedback-form-edit', h1: /^Change the form: / },
  { user: 'demo-admin', path: '/admin/review-promise', name: 'review-promise', h1: /^The review promise$/ },
  { user: 'demo-admin', person: 'Jordan', name: 'person-admin', h1: /^Jordan$/ },
  // Issue 5: a young person's plan and people, the worker's side of plans.
  { user: 'demo-teen-14', path: '/my/plan', name: 'my-plan', h1: /^My (care |pathway )?plan$/ },
  { user: 'demo-teen-14', path: '/my/people', name: 'my-people', h1: /^My people$/ },
  { user: 'demo-sw', person: 'Aisha', tail: '/plan', name: 'plan-editor', h1: /^Aisha's plan$/ },
  { user: 'demo-sw', path: '/staff/questions', name: 'plan-questions', h1: /^Questions about plans$/ },
  // Issue 4: the local offer.
  { user: 'demo-leaver-19', path: '/my/offer', name: 'my-offer-leaver', h1: /^My offer$/ },
  { user: 'demo-teen-17', path: '/my/offer', name: 'my-offer-17', h1: /^My offer$/ },
  // Issue 7: notifications in the app, and what reaches the phone.
  { user: 'demo-teen-17', path: '/notifications', name: 'notifications', h1: /^Notifications$/ },
  { user: 'demo-teen-17', path: '/account/notifications', name: 'notification-settings', h1: /^Notification settings$/ },
  { user: 'demo-sw', path: '/account/notifications', name: 'notification-settings-staff', h1: /^Notification settings$/ },
  { user: 'demo-pa', path: '/staff/requests', name: 'offer-requests', h1: /^Requests about the offer$/ },
  // Issue 8: Positive Journeys, for young people and for the participation officer.
  { user: 'demo-teen-14', path: '/forum', name: 'forum', h1: /^Positive Journeys$/ },
  { user: 'demo-teen-14', path: '/forum/spaces/positive-journeys', name: 'forum-space', h1: /^Positive Journeys$/ },
  { user: 'demo-teen-14', path: '/forum/my-posts', name: 'forum-my-posts', h1: /^My posts$/ },
  { user: 'demo-teen-14', path: '/forum/events', name: 'forum-events', h1: /^Events$/ },
  { user: 'demo-teen-14', path: '/forum/polls', name: 'forum-polls', h1: /^Have your say$/ },
  { user: 'demo-leaver-19', path: '/forum/spaces/positive-journeys-seniors', name: 'forum-space-seniors', h1: /^Positive Journeys Seniors$/ },
  { user: 'demo-participation', path: '/staff/forum/moderation', name: 'forum-moderation', h1: /^Forum moderation$/ },
  { user: 'demo-participation', path: '/staff/forum/threads', name: 'forum-threads-staff', h1: /^All conversations$/ },
  { user: 'demo-participation', path: '/staff/forum/words', name: 'forum-watched-words', h1: /^Watched words$/ },
  { user: 'demo-participation', path: '/staff/forum/log', name: 'forum-log', h1: /^Moderation log$/ },
  { user: 'demo-participation', path: '/staff/forum/participation', name: 'forum-figures', h1: /^Participation figures$/ },
  { user: 'demo-participation', path: '/staff/forum/events', name: 'forum-events-staff', h1: /^Events$/ },
  { user: 'demo-participation', path: '/staff/forum/polls', name: 'forum-polls-staff', h1: /^Polls and consultations$/ },
  { user: 'demo-participation', path: '/staff/forum/spaces', name: 'forum-spaces', h1: /^Forum spaces$/ },
  { user: 'demo-manager', path: '/staff/forum/log', name: 'forum-log-manager', h1: /^Moderation log$/ },
  // Issue 6: reviews and the "good for me" form, for young people and staff.
  { user: 'demo-child-10', path: '/my/review', name: 'my-review', h1: /^My review$/ },
  { user: 'demo-child-10', path: '/my/review/feedback', name: 'review-form-8-11', h1: /^(My review: what I think|Tell your IRO what you think)$/ },
  { user: 'demo-teen-17', path: '/my/review', name: 'my-review-17', h1: /^My review$/ },
  { user: 'demo-teen-17', path: '/my/review/feedback', name: 'review-form-12-17', h1: /^(My views for my review|Tell your IRO what you think)$/ },
  { user: 'demo-iro', path: '/staff/reviews', name: 'staff-reviews', h1: /^Reviews$/ },
  { user: 'demo-iro', person: 'Leo', tail: '/reviews', name: 'person-reviews', h1: /^Leo's reviews$/ },
  { user: 'demo-iro', person: 'Leo', tail: '/feedback', name: 'person-feedback', h1: /^Leo's views$/ },
  { user: 'demo-sw', path: '/staff/alerts', name: 'safeguarding-alerts', h1: /^Safeguarding alerts$/ },
  { user: 'demo-manager', path: '/staff/insights', name: 'feedback-totals', h1: /^What young people told us$/ },
];

/** A phone: 360x740 CSS px, as most budget Android phones. */
export const PHONE = { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

/**
 * The same phone at 200% browser zoom. Zoom halves the CSS viewport while the
 * device pixels stay put, so 200% on a 360x740 screen is a 180x370 CSS-pixel
 * viewport drawn at twice the pixel density. Emulated that way (rather than
 * with CSS `zoom`, which changes layout differently from real page zoom).
 */
export const PHONE_ZOOM_200 = { viewport: { width: 180, height: 370 }, deviceScaleFactor: 4, isMobile: true, hasTouch: true };

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function launchBrowser(extraArgs = []) {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: [...CHROMIUM_ARGS, ...extraArgs],
    // playwright adds --headless itself; keep ours too so the flags match the
    // documented command line.
    headless: true,
  });
}

/**
 * A new page in a fresh context, with the checks wired:
 * - `problems.consoleErrors`: console.error messages and uncaught exceptions
 * - `problems.csp`: CSP violations (from `securitypolicyviolation` events and
 *   console messages that mention Content Security Policy)
 * - `problems.foreignRequests`: any request to another origin (we make none:
 *   no fonts, no analytics, no CDNs)
 * - `problems.failedRequests`: requests that failed or answered >= 400
 *   (except API calls, which tests can expect to fail)
 *
 * Call `assertClean(problems)` at the end of a test.
 */
export async function newCheckedPage(browser, contextOptions = PHONE) {
  const context = await browser.newContext({ ...contextOptions, reducedMotion: 'reduce' });
  await context.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile || ''}:${e.lineNumber || ''})`);
    });
  });
  const page = await context.newPage();
  const problems = { consoleErrors: [], csp: [], foreignRequests: [], failedRequests: [], aborted: [] };
  problems.navigations = () => navigations;

  page.on('console', (msg) => {
    const text = msg.text();
    if (/Content[- ]Security[- ]Policy/i.test(text)) problems.csp.push(text);
    else if (msg.type() === 'error') problems.consoleErrors.push(`${text} (${msg.location()?.url || 'no url'})`);
  });
  page.on('pageerror', (err) => problems.consoleErrors.push(`uncaught: ${err.message}`));
  // A fetch still running when the page navigates away (a reload, or the
  // young people's app opening a staff page, which is another app) is cut
  // short by the browser: not a failure of the app. Count navigations so
  // those can be told apart from real failures.
  let navigations = 0;
  const navigationAtStart = new WeakMap();
  page.on('request', (req) => {
    // A new page load starting (goto, reload, location.assign) is what cuts
    // the old page's fetches short, so count it when it starts.
    if (req.isNavigationRequest() && req.frame() === page.mainFrame()) navigations += 1;
    navigationAtStart.set(req, navigations);
    const url = req.url();
    if (/^(data|blob|about):/.test(url)) return;
    if (new URL(url).origin !== ORIGIN) problems.foreignRequests.push(url);
  });
  page.on('requestfailed', (req) => {
    if (req.failure()?.errorText === 'net::ERR_ABORTED') {
      // Decided at the end (assertClean): the page load that cut it short
      // may start just after the browser reports the abort.
      problems.aborted.push({ text: `${req.url()}: net::ERR_ABORTED`, at: navigationAtStart.get(req) ?? 0 });
      return;
    }
    problems.failedRequests.push(`${req.url()}: ${req.failure()?.errorText}`);
  });
  page.on('response', (res) => {
    const url = new URL(res.url());
    if (res.status() >= 400 && !url.pathname.startsWith('/api/')) {
      problems.failedRequests.push(`${res.url()}: HTTP ${res.status()}`);
    }
  });

  page.collectCspViolations = async () => {
    const seen = await page.evaluate(() => window.__cspViolations || []).catch(() => []);
    return [...problems.csp, ...seen];
  };
  return { context, page, problems };
}

/** Go to a path and wait until the app has rendered its page heading. */
export async function gotoApp(page, pathname) {
  const response = await page.goto(BASE_URL + pathname, { waitUntil: 'load' });
  await page.locator('main h1').first().waitFor({ state: 'visible', timeout: 15_000 });
  // Let the first API call settle so its result is part of what we check.
  await page.waitForLoadState('networkidle', { timeout: 5_000 }).catch(() => {});
  return response;
}

/**
 * Console lines and failed loads that are expected whatever the test.
 * (On start the app asks POST /api/auth/refresh whether its HttpOnly cookie
 * still signs someone in; with no cookie the server answers 204, which is
 * not an error, so a signed-out visit logs nothing.) Nothing else may fail.
 */
export const EXPECTED_CONSOLE = [
  // A test that goes to a new address while the browser is still fetching
  // the tab icon of the last one cuts that fetch short: not the app's doing.
  /\/icon-[0-9a-f]+\.svg: net::ERR_ABORTED$/,
];

/**
 * Fails with every problem the page showed. `allow` is a list of regexps for
 * console errors and failed requests a test caused on purpose (never for CSP
 * violations or requests to other origins).
 */
export async function assertClean(page, problems, { allow = [] } = {}) {
  const csp = await page.collectCspViolations();
  const expected = (m) => [...EXPECTED_CONSOLE, ...allow].some((re) => re.test(m));
  const all = [
    ...csp.map((m) => `CSP: ${m}`),
    ...problems.consoleErrors.filter((m) => !expected(m)).map((m) => `console: ${m}`),
    ...problems.foreignRequests.map((m) => `request to another origin: ${m}`),
    ...problems.failedRequests.filter((m) => !expected(m)).map((m) => `failed request: ${m}`),
    // Cut short with no page load after it started: the app's own doing.
    ...(problems.aborted ?? [])
      .filter((a) => !(problems.navigations?.() > a.at) && !expected(a.text))
      .map((a) => `failed request: ${a.text}`),
  ];
  if (all.length) throw new Error(`The page had problems:\n  ${all.join('\n  ')}`);
}

let axeSource;
/**
 * Runs axe-core in the page for WCAG 2.2 AA and returns its violations.
 * axe is evaluated through the DevTools protocol, not a <script> tag, so the
 * page's CSP (no inline scripts) stays on during the check.
 */
export async function runAxe(page, tags = AXE_TAGS) {
  axeSource ??= await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
  await page.evaluate(`${axeSource}\n;void 0;`);
  return page.evaluate(async (runTags) => {
    // eslint-disable-next-line no-undef
    const result = await axe.run(document, { runOnly: { type: 'tag', values: runTags }, resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary?.split('\n').join(' ')}`),
    }));
  }, tags);
}

export function formatAxe(violations) {
  return violations
    .map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.join('\n    ')}`)
    .join('\n  ');
}

/** True when the page scrolls sideways (content wider than the viewport). */
export async function hasHorizontalScroll(page) {
  return page.evaluate(() => {
    const doc = document.documentElement;
    return doc.scrollWidth > doc.clientWidth + 1;
  });
}

/**
 * Elements past either edge of the viewport, to say what overflows (past
 * the left edge is what scrolls in a right-to-left page).
 */
export async function overflowingElements(page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    return [...document.querySelectorAll('body *')]
      .filter((el) => {
        const r = el.getBoundingClientRect();
        return r.right > width + 1 || r.left < -1;
      })
      .slice(0, 5)
      .map((el) => {
        const r = el.getBoundingClientRect();
        return `${el.tagName.toLowerCase()}.${el.className}: left=${Math.round(r.left)} right=${Math.round(r.right)}`;
      });
  });
}

export async function screenshot(page, name) {
  await mkdir(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, name);
  await page.screenshot({ path: file, fullPage: false });
  return file;
}

/** The councils the API knows, read straight from the API (not the page). */
export async function fetchCouncils() {
  const res = await fetch(`${BASE_URL}/api/councils`);
  if (!res.ok) throw new Error(`GET /api/councils answered ${res.status}`);
  return res.json();
}

/**
 * Sign in through the sign-in page as a demo person and wait for their home
 * page. Starts from `/sign-in` unless the page is already there.
 */
export async function signIn(page, username, password = DEMO_PASSWORD) {
  if (!new URL(page.url()).pathname.startsWith('/sign-in')) await gotoApp(page, '/sign-in');
  await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
  const main = page.locator('main');
  await main.getByLabel('Username').fill(username);
  await main.getByLabel('Password', { exact: true }).fill(password);
  await main.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'), { timeout: 15_000 });
  await page.locator('main h1').first().waitFor();
}

/** Sign out from the account page and wait for the signed-out home page. */
export async function signOut(page) {
  if (new URL(page.url()).pathname !== '/account') {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Account' }).click();
    await page.getByRole('heading', { level: 1, name: 'My account' }).waitFor();
  }
  await page.locator('main').getByRole('button', { name: 'Sign out', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: /welcome to Good for Me/i }).waitFor();
}

/**
 * The address of a signed-in page of SIGNED_IN_PAGES: a path, or the page
 * of a young person found by name on the caller's list.
 */
export async function pathOf(page, entry) {
  if (entry.path) return entry.path;
  await gotoApp(page, '/staff/people');
  const link = page.locator('main').getByRole('link', { name: entry.person, exact: true });
  await link.waitFor();
  return `${await link.getAttribute('href')}${entry.tail || ''}`;
}

/** Wait until nothing the page shows says it is still loading. */
export async function settled(page) {
  await page.waitForLoadState('networkidle', { timeout: 5_000 }).catch(() => {});
  // English, and Arabic ("جارٍ …" is "Getting …").
  await page.waitForFunction(() => ![...document.querySelectorAll('[role="status"]')]
    .some((el) => /Getting |Checking you are signed in|جارٍ |نتحقّق من أنك/.test(el.textContent || '')), null, { timeout: 10_000 });
}

/**
 * Signs in straight through the API (to put demo data in a known state,
 * not to test signing in) and gives the access token.
 */
export async function apiToken(username, password = DEMO_PASSWORD) {
  const res = await fetch(`${BASE_URL}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`sign in as ${username}: ${res.status}`);
  return (await res.json()).access_token;
}

/** One API call as `bearer`: its status and its JSON body (or null). */
export async function api(bearer, method, path, body) {
  const res = await fetch(`${BASE_URL}/api${path}`, {
    method,
    headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

/** Axe, and no sideways scrolling, at 360px and at 200% zoom; then back to 360px. */
export async function checkA11y(page, label) {
  for (const [size, device] of [['360px', PHONE], ['200%', PHONE_ZOOM_200]]) {
    await page.setViewportSize(device.viewport);
    const violations = await runAxe(page);
    if (violations.length) throw new Error(`${label} at ${size}: axe violations:\n  ${formatAxe(violations)}`);
    if (await hasHorizontalScroll(page)) {
      throw new Error(`${label} at ${size} scrolls sideways: ${JSON.stringify(await overflowingElements(page))}`);
    }
  }
  await page.setViewportSize(PHONE.viewport);
}

/**
 * The layout asks for unread notifications on every page; moving on to the
 * next page before it answers cuts that request short (not a failure).
 */
export const CUT_SHORT = [/\/api\/me\/notifications: net::ERR_ABORTED$/];

/**
 * A signed-in page for one person, in `browser`; `fn(page, main)` runs
 * with it, then the page is checked clean. `allow`: console lines the test
 * causes on purpose.
 */
export async function asUser(browser, user, fn, allow = []) {
  const { context, page, problems } = await newCheckedPage(browser);
  try {
    await signIn(page, user);
    // Let the home page finish loading before going anywhere else.
    await settled(page);
    await fn(page, page.locator('main'));
    await assertClean(page, problems, { allow: [...allow, ...CUT_SHORT] });
  } finally {
    await context.close();
  }
}
