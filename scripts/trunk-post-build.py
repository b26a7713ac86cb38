#!/usr/bin/env python3
"""Trunk post_build hook: make dist/index.html pass our CSP.

Our Content-Security-Policy has `script-src 'self' 'wasm-unsafe-eval'` and
`default-src 'self'` (so style-src is 'self' too): no inline scripts, no
inline styles, no event-handler attributes. Trunk 0.21 injects the code that
loads the WASM as an inline `<script type="module">...</script>`.

This hook, run by Trunk with TRUNK_STAGING_DIR set (before the staging dir
becomes dist/):
  1. moves the body of every inline script in index.html into its own file,
     `boot-<hash>.js` (content-addressed, so it can be cached for ever),
  2. puts `<script type="module" src="/boot-<hash>.js" integrity="sha384-..."
     crossorigin="anonymous"></script>` in its place (any nonce is dropped:
     a nonce is useless without a per-response CSP),
  3. fails the build if index.html still has an inline script, a <style>
     element, a style= attribute or an on*= handler attribute.

When the build has a service worker (sw.js, copied by Trunk), it also
  4. stamps its `const BUILD = {...};` line with a hash of the whole build (so
     browsers see a new worker whenever anything changes), the list of files
     to cache for offline start, and the push notification words from
     frontend/locales/*/notifications.ftl (the worker cannot read them).

Only the Python standard library is used. Also runnable by hand:
  TRUNK_STAGING_DIR=dist python3 scripts/trunk-post-build.py
"""

import base64
import hashlib
import json
import os
import re
import sys

SCRIPT_RE = re.compile(r"<script\b(?P<attrs>[^>]*)>(?P<body>.*?)</script\s*>", re.S | re.I)
TYPE_RE = re.compile(r"""\btype\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I)
SRC_RE = re.compile(r"\bsrc\s*=", re.I)
# Script types the browser runs; anything else (application/json, ld+json,
# importmap excepted below) is data, which CSP does not block.
RUNNABLE_TYPES = {"", "module", "text/javascript", "application/javascript"}


def fail(msg):
    print(f"trunk-post-build: ERROR: {msg}", file=sys.stderr)
    sys.exit(1)


def script_type(attrs):
    m = TYPE_RE.search(attrs)
    if not m:
        return ""
    return next(g for g in m.groups() if g is not None).strip().lower()


def externalise(html, staging, public_url):
    written = []

    def replace(m):
        attrs, body = m.group("attrs"), m.group("body")
        if SRC_RE.search(attrs) or not body.strip():
            return m.group(0)
        kind = script_type(attrs)
        if kind == "importmap":
            fail("an inline importmap cannot be moved to a file; remove it")
        if kind not in RUNNABLE_TYPES:
            return m.group(0)
        code = body.strip("\n") + "\n"
        data = code.encode("utf-8")
        name = "boot-%s.js" % hashlib.sha256(data).hexdigest()[:16]
        with open(os.path.join(staging, name), "wb") as f:
            f.write(data)
        written.append(name)
        sri = "sha384-" + base64.b64encode(hashlib.sha384(data).digest()).decode("ascii")
        type_attr = ' type="module"' if kind == "module" else ""
        # A classic script that was inline ran in order before the rest of the
        # page; `defer` is not wanted there, so it stays a plain src= script.
        return (
            f'<script{type_attr} src="{public_url}{name}" '
            f'integrity="{sri}" crossorigin="anonymous"></script>'
        )

    return SCRIPT_RE.sub(replace, html), written


def check_no_inline(html):
    problems = []
    for m in SCRIPT_RE.finditer(html):
        if not SRC_RE.search(m.group("attrs")) and m.group("body").strip():
            if script_type(m.group("attrs")) in RUNNABLE_TYPES:
                problems.append("inline <script>")
    # Look only inside tags, not in text.
    for tag in re.finditer(r"<[a-zA-Z][^>]*>", html):
        t = tag.group(0)
        if re.match(r"<style\b", t, re.I):
            problems.append("<style> element")
        if re.search(r"\sstyle\s*=", t, re.I):
            problems.append("style= attribute in " + t[:60])
        if re.search(r"\son[a-z]+\s*=", t, re.I):
            problems.append("event handler attribute in " + t[:60])
        if re.search(r"""\b(?:href|src)\s*=\s*["']?\s*javascript:""", t, re.I):
            problems.append("javascript: URL in " + t[:60])
    return problems


def main():
    staging = os.environ.get("TRUNK_STAGING_DIR")
    if not staging:
        fail("TRUNK_STAGING_DIR is not set (run me from Trunk, or set it by hand)")
    public_url = os.environ.get("TRUNK_PUBLIC_URL", "/") or "/"
    if not public_url.endswith("/"):
        public_url += "/"
    index = os.path.join(staging, "index.html")
    if not os.path.isfile(index):
        fail(f"{index} not found")

    with open(index, encoding="utf-8") as f:
        html = f.read()
    html, written = externalise(html, staging, public_url)
    problems = check_no_inline(html)
    if problems:
        fail("index.html would break our CSP: " + "; ".join(problems))
    if not written and "boot-" not in html:
        fail("no inline loader script found: did Trunk's output change? Check index.html by hand")
    with open(index, "w", encoding="utf-8") as f:
        f.write(html)
    for name in written:
        print(f"trunk-post-build: moved inline script to {name}")
    stamp_service_worker(staging, public_url)


BUILD_LINE_RE = re.compile(r"^const BUILD = .*;$", re.M)
# The words a push notification shows, read from the translation files.
PUSH_KEYS = {
    "title": "notifications-push-title",
    "urgent": "notifications-push-title-urgent",
    "body": "notifications-push-body",
}


def push_words(locales):
    words = {}
    if not os.path.isdir(locales):
        return words
    for lang in sorted(os.listdir(locales)):
        path = os.path.join(locales, lang, "notifications.ftl")
        if not os.path.isfile(path):
            continue
        found = {}
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.lstrip().startswith("#") or " = " not in line:
                    continue
                key, value = line.split(" = ", 1)
                found[key.strip()] = value.strip()
        picked = {name: found[key] for name, key in PUSH_KEYS.items() if key in found}
        if picked:
            words[lang] = picked
    return words


def stamp_service_worker(staging, public_url):
    sw = os.path.join(staging, "sw.js")
    if not os.path.isfile(sw):
        return
    digest = hashlib.sha256()
    shell = []
    for root, dirs, files in os.walk(staging):
        dirs.sort()
        for name in sorted(files):
            full = os.path.join(root, name)
            rel = os.path.relpath(full, staging).replace(os.sep, "/")
            if rel == "sw.js" or rel.endswith(".map"):
                continue
            with open(full, "rb") as f:
                digest.update(rel.encode("utf-8") + b"\0" + hashlib.sha256(f.read()).digest())
            shell.append(public_url if rel == "index.html" else public_url + rel)
    shell.sort()
    locales = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "frontend", "locales")
    build = {
        "version": digest.hexdigest()[:16],
        "shell": shell,
        "words": push_words(locales),
    }
    with open(sw, encoding="utf-8") as f:
        code = f.read()
    if len(BUILD_LINE_RE.findall(code)) != 1:
        fail("sw.js needs exactly one `const BUILD = ...;` line to stamp")
    line = "const BUILD = " + json.dumps(build, ensure_ascii=False, separators=(",", ":")) + ";"
    code = BUILD_LINE_RE.sub(lambda _m: line, code)
    with open(sw, "w", encoding="utf-8") as f:
        f.write(code)
    print(f"trunk-post-build: stamped sw.js (build {build['version']}, {len(shell)} files to cache)")


if __name__ == "__main__":
    main()
