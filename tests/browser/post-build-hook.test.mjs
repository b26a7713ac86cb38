// scripts/trunk-post-build.py, on the shapes of index.html Trunk 0.21 can
// write (default loader, with a nonce, minified, with an initializer), without
// a browser. The real build is checked in the browser by every other test.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const hook = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../scripts/trunk-post-build.py');

const dirs = [];
after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function runHook(html, env = {}) {
  const dir = mkdtempSync(path.join(tmpdir(), 'gfm-hook-'));
  dirs.push(dir);
  writeFileSync(path.join(dir, 'index.html'), html);
  const res = spawnSync('python3', [hook], { env: { ...process.env, TRUNK_STAGING_DIR: dir, TRUNK_PUBLIC_URL: '/', ...env }, encoding: 'utf8' });
  const out = res.status === 0 ? readFileSync(path.join(dir, 'index.html'), 'utf8') : null;
  const boots = readdirSync(dir).filter((f) => f.startsWith('boot-'));
  return { status: res.status, stderr: res.stderr, out, boots, dir };
}

const LOADER = `
import init, * as bindings from '/frontend-abc.js';
const wasm = await init({ module_or_path: '/frontend-abc_bg.wasm' });
window.wasmBindings = bindings;
dispatchEvent(new CustomEvent("TrunkApplicationStarted", {detail: {wasm}}));
`;
const page = (script) => `<!doctype html><html lang="en"><head><title>x</title>\n${script}\n<link rel="modulepreload" href="/frontend-abc.js"></head><body></body></html>`;

test('the default loader moves to a boot file with SRI', () => {
  const { status, out, boots, dir, stderr } = runHook(page(`<script type="module">${LOADER}</script>`));
  assert.equal(status, 0, stderr);
  assert.equal(boots.length, 1);
  const code = readFileSync(path.join(dir, boots[0]));
  assert.match(code.toString(), /TrunkApplicationStarted/);
  const sri = `sha384-${createHash('sha384').update(code).digest('base64')}`;
  assert.ok(out.includes(`<script type="module" src="/${boots[0]}" integrity="${sri}" crossorigin="anonymous"></script>`), out);
  assert.doesNotMatch(out, /<script type="module">/);
});

test('a nonce placeholder is dropped, minified attributes are understood', () => {
  for (const tag of ['<script type="module" nonce="{{__TRUNK NONCE__}}">', '<script type=module>', "<SCRIPT TYPE='module'>"]) {
    const { status, out, boots, stderr } = runHook(page(`${tag}${LOADER}</script>`));
    assert.equal(status, 0, `${tag}: ${stderr}`);
    assert.equal(boots.length, 1, tag);
    assert.doesNotMatch(out, /nonce/);
    assert.match(out, /<script type="module" src="\/boot-[0-9a-f]{16}\.js"/);
  }
});

test('the public URL prefixes the boot file', () => {
  const { out } = runHook(page(`<script type="module">${LOADER}</script>`), { TRUNK_PUBLIC_URL: '/app' });
  assert.match(out, /src="\/app\/boot-/);
});

test('scripts with src and JSON data blocks are left alone', () => {
  const html = page(`<script type="module">${LOADER}</script><script src="/x.js"></script><script type="application/ld+json">{"a":1}</script>`);
  const { status, out, boots } = runHook(html);
  assert.equal(status, 0);
  assert.equal(boots.length, 1);
  assert.match(out, /<script src="\/x.js"><\/script>/);
  assert.match(out, /application\/ld\+json">\{"a":1\}/);
});

test('inline styles, handlers and missing loaders fail the build', () => {
  assert.notEqual(runHook(page(`<script type="module">${LOADER}</script><p style="color:red">x</p>`)).status, 0);
  assert.notEqual(runHook(page(`<script type="module">${LOADER}</script><style>p{}</style>`)).status, 0);
  assert.notEqual(runHook(page(`<script type="module">${LOADER}</script><button onclick="x()">x</button>`)).status, 0);
  const none = runHook(page(''));
  assert.notEqual(none.status, 0);
  assert.match(none.stderr, /no inline loader script/);
});

test('python3 is there to run the hook', () => {
  assert.match(execFileSync('python3', ['--version'], { encoding: 'utf8' }), /Python 3/);
});

test('the service worker is stamped with the build, its files and the push words', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'gfm-hook-'));
  dirs.push(dir);
  writeFileSync(path.join(dir, 'index.html'), page(`<script type="module">${LOADER}</script>`));
  writeFileSync(path.join(dir, 'frontend-abc_bg.wasm'), 'wasm');
  writeFileSync(path.join(dir, 'sw.js'), "'use strict';\nconst BUILD = { version: 'dev', shell: ['/'], words: {} };\nself.x = BUILD;\n");
  const stamp = () => {
    const res = spawnSync('python3', [hook], { env: { ...process.env, TRUNK_STAGING_DIR: dir, TRUNK_PUBLIC_URL: '/' }, encoding: 'utf8' });
    assert.equal(res.status, 0, res.stderr);
    const line = readFileSync(path.join(dir, 'sw.js'), 'utf8').split('\n').find((l) => l.startsWith('const BUILD = '));
    return JSON.parse(line.slice('const BUILD = '.length, -1));
  };
  const first = stamp();
  assert.match(first.version, /^[0-9a-f]{16}$/);
  assert.ok(first.shell.includes('/'), 'the page, as /');
  assert.ok(first.shell.includes('/frontend-abc_bg.wasm'));
  assert.ok(first.shell.some((f) => /^\/boot-[0-9a-f]{16}\.js$/.test(f)));
  assert.ok(!first.shell.includes('/sw.js') && !first.shell.includes('/index.html'));
  // The lock-screen words come from the translation files, in each language.
  assert.deepEqual(first.words.en, { title: 'You have an update', urgent: 'You have an urgent alert', body: 'Open Good for Me to see it.' });
  assert.ok(first.words.ar.title && first.words.ar.body);
  // Any change to the build is a new version (the browser then sees a new worker).
  writeFileSync(path.join(dir, 'frontend-abc_bg.wasm'), 'wasm, changed');
  assert.notEqual(stamp().version, first.version);
  // A worker without the line to stamp fails the build.
  writeFileSync(path.join(dir, 'sw.js'), 'self.x = 1;\n');
  const res = spawnSync('python3', [hook], { env: { ...process.env, TRUNK_STAGING_DIR: dir }, encoding: 'utf8' });
  assert.notEqual(res.status, 0);
  assert.match(res.stderr, /const BUILD/);
});
