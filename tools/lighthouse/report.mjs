// Reads the Lighthouse JSON reports that scripts/lighthouse.sh wrote and
// prints the figures of issue 9: the scores a page, the audits that fail,
// and the gzipped size of what a first visit downloads, measured from the
// files the running server sends.
//
//   node report.mjs http://127.0.0.1:18800 /=home-1.json /offer=offer-1.json ...
//
// A figure, not a test: it exits 0 whatever the scores are.
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { gunzipSync, gzipSync } from 'node:zlib';

const GOALS = { performance: 90, accessibility: 100, 'best-practices': 100 };
const BUDGET_KB = Number(process.env.BUDGET_KB ?? 250);
// Already compressed: a server sends these as they are.
const BINARY = /\.(png|jpe?g|gif|webp|avif|woff2?|ico)$/i;

const [base, ...pairs] = process.argv.slice(2);
if (!base || pairs.length === 0) {
  console.error('usage: node report.mjs BASE_URL PAGE=REPORT.json ...');
  process.exit(2);
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const kb = (bytes) => (bytes / 1024).toFixed(1);
const pad = (s, n) => String(s).padEnd(n);
const lpad = (s, n) => String(s).padStart(n);

// ---- Scores -------------------------------------------------------------

const byPage = new Map();
for (const pair of pairs) {
  const at = pair.indexOf('=');
  const page = pair.slice(0, at);
  const lhr = JSON.parse(readFileSync(pair.slice(at + 1), 'utf8'));
  if (!byPage.has(page)) byPage.set(page, []);
  byPage.get(page).push(lhr);
}

const score = (lhr, cat) => {
  const s = lhr.categories[cat]?.score;
  return s == null ? NaN : Math.round(s * 100);
};
const metric = (lhr, id) => lhr.audits[id]?.numericValue ?? NaN;

const lhrFirst = [...byPage.values()][0][0];
console.log(
  `\nLighthouse ${lhrFirst.lighthouseVersion}, ${lhrFirst.configSettings.formFactor}, ` +
    `throttling ${lhrFirst.configSettings.throttlingMethod} ` +
    `(${lhrFirst.configSettings.throttling.rttMs} ms RTT, ` +
    `${(lhrFirst.configSettings.throttling.throughputKbps / 1024).toFixed(1)} Mbps, ` +
    `CPU x${lhrFirst.configSettings.throttling.cpuSlowdownMultiplier}), ` +
    `${lhrFirst.environment?.hostUserAgent?.match(/Chrome\/[\d.]+/)?.[0] ?? ''}`,
);
const runs = Math.max(...[...byPage.values()].map((l) => l.length));
if (runs > 1) console.log(`medians of ${runs} runs a page`);
console.log(
  `\n${pad('page', 10)} ${lpad('perf', 5)} ${lpad('a11y', 5)} ${lpad('b-p', 5)}` +
    `  ${lpad('FCP s', 6)} ${lpad('LCP s', 6)} ${lpad('TBT ms', 7)} ${lpad('CLS', 5)} ${lpad('SI s', 5)} ${lpad('bytes KB', 9)}`,
);
for (const [page, lhrs] of byPage) {
  const m = (f) => median(lhrs.map(f));
  console.log(
    `${pad(page, 10)} ${lpad(m((l) => score(l, 'performance')), 5)} ` +
      `${lpad(m((l) => score(l, 'accessibility')), 5)} ${lpad(m((l) => score(l, 'best-practices')), 5)}` +
      `  ${lpad((m((l) => metric(l, 'first-contentful-paint')) / 1000).toFixed(1), 6)}` +
      ` ${lpad((m((l) => metric(l, 'largest-contentful-paint')) / 1000).toFixed(1), 6)}` +
      ` ${lpad(Math.round(m((l) => metric(l, 'total-blocking-time'))), 7)}` +
      ` ${lpad(m((l) => metric(l, 'cumulative-layout-shift')).toFixed(3), 5)}` +
      ` ${lpad((m((l) => metric(l, 'speed-index')) / 1000).toFixed(1), 5)}` +
      ` ${lpad(kb(m((l) => metric(l, 'total-byte-weight'))), 9)}`,
  );
}
console.log(
  `${pad('goal', 10)} ${lpad('>=' + GOALS.performance, 5)} ${lpad(GOALS.accessibility, 5)} ${lpad(GOALS['best-practices'], 5)}` +
    '  (bytes KB: what Lighthouse saw on the wire)',
);

// Audits that cost points: every failing accessibility and best-practice
// audit, and the performance hints Lighthouse puts a saving on.
const failing = new Map();
for (const [page, lhrs] of byPage) {
  for (const lhr of lhrs) {
    for (const cat of ['accessibility', 'best-practices']) {
      for (const ref of lhr.categories[cat]?.auditRefs ?? []) {
        const a = lhr.audits[ref.id];
        if (!a || a.score === null || a.score >= 1 || ref.weight === 0) continue;
        if (!['binary', 'numeric'].includes(a.scoreDisplayMode)) continue;
        const key = `${cat}: ${a.id}`;
        if (!failing.has(key)) failing.set(key, { title: a.title, pages: new Set(), items: new Set() });
        const f = failing.get(key);
        f.pages.add(page);
        for (const item of a.details?.items ?? []) {
          const what = item.node?.snippet ?? item.source?.url ?? item.description ?? item.url;
          if (what && f.items.size < 5) f.items.add(String(what).slice(0, 140));
        }
      }
    }
  }
}
console.log('\nFailing accessibility / best-practice audits:' + (failing.size ? '' : ' none'));
for (const [key, f] of failing) {
  console.log(`  ${key} (${[...f.pages].join(' ')}): ${f.title}`);
  for (const item of f.items) console.log(`      ${item}`);
}

const hints = new Map();
for (const [page, lhrs] of byPage) {
  for (const lhr of lhrs) {
    for (const ref of lhr.categories.performance?.auditRefs ?? []) {
      const a = lhr.audits[ref.id];
      if (!a || a.score === null || a.score >= 0.9) continue;
      if (!['metricSavings', 'numeric', 'binary'].includes(a.scoreDisplayMode)) continue;
      if (ref.group === 'metrics') continue;
      const key = a.id;
      if (!hints.has(key)) hints.set(key, { title: a.title, pages: new Set(), value: a.displayValue ?? '' });
      hints.get(key).pages.add(page);
    }
  }
}
console.log('\nPerformance hints:' + (hints.size ? '' : ' none'));
for (const [id, h] of hints) console.log(`  ${id} (${[...h.pages].join(' ')}): ${h.title}${h.value ? ' — ' + h.value : ''}`);

// ---- First-load size ----------------------------------------------------

/** GET with gzip allowed; returns the body and how many bytes came over the wire. */
function get(url) {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { 'accept-encoding': 'gzip' } }, (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          const wire = Buffer.concat(chunks);
          if (res.statusCode !== 200) return reject(new Error(`${url}: HTTP ${res.statusCode}`));
          const gz = res.headers['content-encoding'] === 'gzip';
          resolve({ body: gz ? gunzipSync(wire) : wire, wire: wire.length, gz });
        });
      })
      .on('error', reject);
  });
}

const files = new Map(); // path -> { group, kind }
const add = (path, group) => {
  const p = new URL(path, base + '/').pathname;
  if (!files.has(p)) files.set(p, group);
};

const html = (await get(base + '/')).body.toString('utf8');
add('/', 'page');
for (const tag of html.match(/<(link|script)\b[^>]*>/gi) ?? []) {
  const attr = (n) => tag.match(new RegExp(`\\s${n}\\s*=\\s*"([^"]*)"`, 'i'))?.[1];
  const rel = (attr('rel') ?? '').toLowerCase();
  const url = attr('href') ?? attr('src');
  if (!url) continue;
  // Chrome on a phone does not fetch the Apple icon; the manifest is
  // counted with the service worker below (it is for installing).
  if (rel === 'apple-touch-icon') continue;
  add(url, rel === 'manifest' ? 'install' : 'page');
}
for (const [path, group] of [...files]) {
  if (!path.endsWith('.css')) continue;
  const css = (await get(base + path)).body.toString('utf8');
  for (const m of css.matchAll(/url\(\s*['"]?([^'")]+)['"]?\s*\)/g)) {
    if (!m[1].startsWith('data:')) add(new URL(m[1], base + path).pathname, group);
  }
}
// The service worker and, at its install, the app shell it caches (the
// build stamps the list into sw.js): part of a first visit too.
add('/sw.js', 'install');
const sw = (await get(base + '/sw.js')).body.toString('utf8');
const stamped = sw.match(/^const BUILD = (\{.*\});$/m);
if (stamped) for (const u of JSON.parse(stamped[1]).shell ?? []) add(u, 'sw-cache');

const rows = [];
for (const [path, group] of files) {
  const r = await get(base + path);
  const gz = BINARY.test(path) ? r.body.length : gzipSync(r.body, { level: 9 }).length;
  rows.push({ path, group, raw: r.body.length, gz, wire: r.wire, served: r.gz ? 'gzip' : 'as is' });
}

console.log(`\nFirst visit, measured from the served files (gzip -9; images as they are):`);
console.log(`${pad('file', 44)} ${pad('for', 9)} ${lpad('bytes', 9)} ${lpad('gzipped', 9)}  served`);
for (const r of rows) {
  console.log(`${pad(r.path, 44)} ${pad(r.group, 9)} ${lpad(r.raw, 9)} ${lpad(r.gz, 9)}  ${r.served} (${r.wire})`);
}
const sum = (groups) => rows.filter((r) => groups.includes(r.group)).reduce((t, r) => t + r.gz, 0);
const page = sum(['page']);
const install = sum(['page', 'install']);
const all = sum(['page', 'install', 'sw-cache']);
const verdict = (b) => (b <= BUDGET_KB * 1024 ? 'within' : 'OVER');
console.log(`${pad('the page (HTML, CSS, JS, WASM, icon, fonts)', 54)} ${lpad(page, 9)}  ${kb(page)} KB`);
console.log(`${pad('+ manifest and service worker', 54)} ${lpad(install, 9)}  ${kb(install)} KB`);
console.log(
  `${pad('+ what the service worker caches (icons...)', 54)} ${lpad(all, 9)}  ${kb(all)} KB: ` +
    `${verdict(all)} the ${BUDGET_KB} KB budget`,
);
const uncompressed = rows.filter((r) => r.served === 'as is' && !BINARY.test(r.path) && r.raw > 1024);
if (uncompressed.length) {
  console.log(`note: the server sent ${uncompressed.length} text file(s) over 1 KB without gzip (${uncompressed.map((r) => r.path).join(', ')})`);
}
