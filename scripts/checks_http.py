"""What scripts/faults.py and scripts/multi-instance-checks.py share: one
HTTP call to the API and how a check reports. Standard library only."""

import json
import os
import ssl
import sys
import urllib.error
import urllib.request


def fail(msg):
    print(f"FAIL: {msg}")
    sys.exit(1)


def ok(msg):
    print(f"ok: {msg}")


def _tls(base):
    """HTTPS through the tests' nginx trusts its self-signed certificate
    (CHECKS_CA_FILE), and nothing else."""
    ca = os.environ.get("CHECKS_CA_FILE")
    if base.startswith("https://") and ca:
        return ssl.create_default_context(cafile=ca)
    return None


def call(base, method, path, token=None, body=None, timeout=15):
    """(status, body); status 0 when there was no answer at all."""
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(base + path, data=data, method=method)
    if data is not None:
        req.add_header("Content-Type", "application/json")
    if token:
        req.add_header("Authorization", f"Bearer {token}")
    try:
        with urllib.request.urlopen(req, timeout=timeout, context=_tls(base)) as res:
            text = res.read().decode()
            return res.status, (json.loads(text) if text else None)
    except urllib.error.HTTPError as e:
        text = e.read().decode()
        try:
            return e.code, json.loads(text)
        except ValueError:
            return e.code, text
    except (urllib.error.URLError, ConnectionError, TimeoutError, OSError) as e:
        return 0, str(e)
