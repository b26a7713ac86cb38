"""README's "Going live", followed by a program: from an empty database to a
council's first administrator signed in, its people imported, behind the
production nginx site, watched and backed up. Run by scripts/going-live.sh
(which builds what it needs and starts PostgreSQL); standard library only.

Environment: BIN (the server binary), DIST (the built app), WORK (a fresh
directory), DB (sqlite or postgres), PG_SERVER (postgres://.../postgres, for
DB=postgres), NGINX_HTTP, NGINX_HTTPS, PORT (the server's own port).
"""

import atexit
import csv
import http.client
import json
import os
import re
import shutil
import socket
import sqlite3
import ssl
import subprocess
import sys
import time

from checks_http import fail, ok

BIN, DIST, WORK, DB = (os.environ[k] for k in ("BIN", "DIST", "WORK", "DB"))
PORT = int(os.environ["PORT"])
NGINX_HTTP, NGINX_HTTPS = int(os.environ["NGINX_HTTP"]), int(os.environ["NGINX_HTTPS"])
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
COUNCIL = "northbrook"
PASSWORD = "a council goes live today"

data_dir = os.path.join(WORK, "data")
os.makedirs(data_dir, exist_ok=True)
if DB == "postgres":
    server = os.environ["PG_SERVER"]
    db_name = f"gfm_live_{os.getpid()}"
    subprocess.run(["psql", server, "-qc", f"CREATE DATABASE {db_name}"], check=True)
    database_url = server.rsplit("/", 1)[0] + "/" + db_name
else:
    database_url = f"sqlite://{data_dir}/goodforme.db?mode=rwc"

# The council's settings file: deploy/goodforme.env with this run's values.
ENV_FILE = os.path.join(WORK, "goodforme.env")
values = {"DATABASE_URL": database_url, "BIND_ADDR": f"127.0.0.1:{PORT}", "DATA_DIR": data_dir,
          "PUBLIC_DIR": DIST, "RUST_LOG": "warn"}
with open(os.path.join(ROOT, "deploy", "goodforme.env")) as f, open(ENV_FILE, "w") as out:
    for line in f:
        key = line.split("=", 1)[0]
        out.write(f"{key}={values.pop(key)}\n" if key in values else line)
if values:
    fail(f"deploy/goodforme.env no longer sets {sorted(values)}")
# Only what the README's steps give: the settings file, through the
# `goodforme` command (deploy/goodforme), as this user.
env = {"PATH": os.environ["PATH"], "HOME": os.environ.get("HOME", "/"), "GOODFORME_ENV": ENV_FILE,
       "GOODFORME_BIN": BIN, "GOODFORME_USER": subprocess.run(["id", "-un"], capture_output=True,
                                                              text=True).stdout.strip()}
GOODFORME = os.path.join(ROOT, "deploy", "goodforme")


def backend(*args, expect=0, input_text=None):
    """Runs `goodforme ARGS`; its output (stdout and stderr)."""
    r = subprocess.run([GOODFORME, *args], env=env, capture_output=True, text=True, input=input_text, timeout=300)
    out = r.stdout + r.stderr
    if r.returncode != expect:
        fail(f"`goodforme {' '.join(args)}` exited {r.returncode}, not {expect}:\n{out}")
    return out


# --- requests from chosen client addresses (any 127.x.y.z is loopback) ---
_tls = []


def tls():
    """Trusts the run's own certificate (made when nginx is set up)."""
    if not _tls:
        _tls.append(ssl.create_default_context(cafile=os.path.join(WORK, "nginx", "tls", "fullchain.pem")))
    return _tls[0]


def request(method, path, body=None, headers=None, via="nginx", source="127.0.0.1"):
    if via == "nginx":
        conn = http.client.HTTPSConnection("127.0.0.1", NGINX_HTTPS, context=tls(), timeout=30,
                                           source_address=(source, 0))
    else:
        conn = http.client.HTTPConnection("127.0.0.1", PORT, timeout=30, source_address=(source, 0))
    h = dict(headers or {})
    data = None
    if body is not None:
        data = json.dumps(body).encode()
        h["Content-Type"] = "application/json"
    conn.request(method, path, body=data, headers=h)
    res = conn.getresponse()
    text = res.read().decode(errors="replace")
    conn.close()
    return res.status, text, res


processes = []
helpers = []  # nginx: stays up while the server restarts


@atexit.register
def clean_up():
    """Whatever happened (a failed step exits at once): no server, worker
    or nginx left running, no test database left behind."""
    stop_server()
    for h in helpers:
        if h.poll() is None:
            h.terminate()
            h.wait(timeout=30)
    if DB == "postgres":
        subprocess.run(["psql", os.environ["PG_SERVER"], "-qc", f"DROP DATABASE IF EXISTS {db_name} WITH (FORCE)"],
                       capture_output=True)


def start_server():
    """As the systemd units do: the settings checked, then the web server
    (no background jobs) and the worker."""
    backend("config", "check", "--production")
    probe = socket.socket()
    # As the server binds: a closed connection's TIME_WAIT is no owner.
    probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        probe.bind(("127.0.0.1", PORT))
    except OSError:
        fail(f"port {PORT} is taken by another program: stop it first")
    finally:
        probe.close()
    log = open(os.path.join(WORK, "server.log"), "a")
    for args, jobs in ((["serve"], "false"), (["worker"], "true")):
        processes.append(subprocess.Popen([GOODFORME, *args], env=dict(env, BACKGROUND_JOBS=jobs),
                                          stdout=log, stderr=log))
    for _ in range(300):
        # A process that stopped (its port taken, bad settings) fails the
        # run with its log, rather than another server answering for it.
        if any(p.poll() is not None for p in processes):
            fail("the server or the worker stopped:\n" + open(os.path.join(WORK, "server.log")).read()[-3000:])
        try:
            status, _, _ = request("GET", "/api/health/ready", via="direct")
            if status == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    fail("the server did not become ready:\n" + open(os.path.join(WORK, "server.log")).read()[-3000:])


def stop_server():
    while processes:
        p = processes.pop()
        if p.poll() is None:
            p.terminate()
            p.wait(timeout=30)


def table_counts():
    """Every table's row count, read from the database itself."""
    if DB == "postgres":
        q = ("SELECT table_name FROM information_schema.tables "
             "WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1")
        names = subprocess.run(["psql", database_url, "-Atc", q], check=True,
                               capture_output=True, text=True).stdout.split()
        counts = {}
        for n in names:
            c = subprocess.run(["psql", database_url, "-Atc", f'SELECT count(*) FROM "{n}"'],
                               check=True, capture_output=True, text=True).stdout.strip()
            counts[n] = int(c)
        return counts
    con = sqlite3.connect(os.path.join(data_dir, "goodforme.db"))
    names = [r[0] for r in con.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY 1")]
    counts = {n: con.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0] for n in names}
    con.close()
    return counts


def wipe_database():
    if DB == "postgres":
        server = os.environ["PG_SERVER"]
        subprocess.run(["psql", server, "-qc", f"DROP DATABASE {db_name} WITH (FORCE)"], check=True)
        subprocess.run(["psql", server, "-qc", f"CREATE DATABASE {db_name}"], check=True)
    else:
        for suffix in ("", "-wal", "-shm"):
            p = os.path.join(data_dir, "goodforme.db" + suffix)
            if os.path.exists(p):
                os.remove(p)


def code_in(text):
    m = re.search(r"\b([A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4})\b", text)
    if not m:
        fail(f"no one-time code in:\n{text}")
    return m.group(1)


# 1. Keys for one server, then an empty deployment says what to run.
backend("keys", "generate")
backend("keys", "generate")
start_server()
status, text, _ = request("GET", "/api/setup", via="direct")
if status != 200 or not json.loads(text).get("needs_setup"):
    fail(f"a deployment with no council should say it needs setting up: {status} {text}")
ok("an empty deployment says it needs setting up")

# 2. The operator commands, each run twice: the second run changes nothing.
council_args = ["council", "create", "--slug", COUNCIL, "--name", "London Borough of Northbrook",
                "--time-zone", "Europe/London", "--duty-phone", "020 7946 0000",
                "--bank-holidays", "england-and-wales"]
backend(*council_args)
backend(*council_args)
team_args = ["team", "add", "--council", COUNCIL, "--slug", "lac-1", "--name", "Children in Care Team 1",
             "--kind", "looked-after-children"]
backend(*team_args)
backend(*team_args)
backend("team", "add", "--council", COUNCIL, "--slug", "leaving-care", "--name", "Leaving Care Team",
        "--kind", "leaving-care")
admin_args = ["staff", "add", "--council", COUNCIL, "--username", "rclarke", "--name", "Robin Clarke",
              "--role", "admin", "--team", "lac-1"]
admin_code = code_in(backend(*admin_args))
again = backend(*admin_args)
if re.search(r"[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}", again):
    fail("re-running `staff add` printed a second code")
ok("council, teams and an administrator made; every command is safe to re-run")

# 3. nginx in front (the production site, checked by nginx -t).
nginx_cmd = subprocess.run(
    [os.path.join(HERE, "nginx-site.sh"), os.path.join(WORK, "nginx"), str(NGINX_HTTP), str(NGINX_HTTPS), DIST,
     str(PORT)], check=True, capture_output=True, text=True).stdout.split()
nginx_proc = subprocess.Popen(nginx_cmd, stderr=open(os.path.join(WORK, "nginx.log"), "w"))
helpers.append(nginx_proc)
for _ in range(100):
    try:
        if request("GET", "/api/health/ready")[0] == 200:
            break
    except OSError:
        pass
    time.sleep(0.2)
else:
    fail("not ready through nginx")
ok("ready through the production nginx site (nginx -t passed)")

try:
    # 4. The administrator activates and signs in, in a real browser that
    # trusts this run's certificate.
    cert = os.path.join(WORK, "nginx", "tls", "fullchain.pem")
    spki = subprocess.run(
        ["sh", "-c", f"openssl x509 -in '{cert}' -pubkey -noout | openssl pkey -pubin -outform der"
                     " | openssl dgst -sha256 -binary | base64"],
        check=True, capture_output=True, text=True).stdout.strip()
    browser = subprocess.run(
        ["node", "--test", "going-live.mjs"], cwd=os.path.join(ROOT, "tests", "browser"),
        env=dict(os.environ, BASE_URL=f"https://127.0.0.1:{NGINX_HTTPS}", TLS_SPKI=spki, ADMIN_CODE=admin_code,
                 ADMIN_USERNAME="rclarke", ADMIN_FIRST_NAME="Robin"),
        capture_output=True, text=True, timeout=300)
    if browser.returncode != 0:
        fail("the administrator's first sign-in in the browser:\n" + browser.stdout[-4000:] + browser.stderr[-2000:])
    ok("the administrator activated and signed in in the browser")

    # 5. Import 20 staff and 500 young people; a dry run and a re-import change nothing.
    staff_csv = os.path.join(WORK, "staff.csv")
    social_workers = [f"worker{i:02}" for i in range(20) if i % 4]
    advisers = [f"worker{i:02}" for i in range(20) if i % 4 == 0]
    with open(staff_csv, "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["username", "display_name", "role", "team"])
        for i in range(20):
            adviser = f"worker{i:02}" in advisers
            w.writerow([f"worker{i:02}", f"Worker {i:02} Example",
                        "personal-adviser" if adviser else "social_worker",
                        "leaving-care" if adviser else "lac-1"])
    # Written as a spreadsheet on Windows would: a byte-order mark, CRLF.
    yp_csv = os.path.join(WORK, "young-people.csv")
    with open(yp_csv, "w", newline="", encoding="utf-8-sig") as f:
        w = csv.writer(f, lineterminator="\r\n")
        w.writerow(["ref", "preferred_name", "date_of_birth", "care_started", "legal_status", "care_ended",
                    "username", "social_worker", "personal_adviser"])
        for i in range(500):
            leaver = i % 3 == 0
            year = 2003 + i % 5 if leaver else 2010 + i % 7
            month, day = 1 + i % 12, 1 + i % 28
            w.writerow([f"Y{i:04}", f"Young Person {i:03}", f"{year}-{month:02}-{day:02}",
                        f"{year + 9}-{month:02}-{day:02}", "section_20" if i % 2 else "section_31",
                        f"{year + 18}-{month:02}-{day:02}" if leaver else "", f"yp{i:04}",
                        "" if leaver else social_workers[i % len(social_workers)],
                        advisers[i % len(advisers)] if leaver else ""])
    before = table_counts()
    backend("import", "staff", "--council", COUNCIL, staff_csv, "--dry-run")
    if table_counts() != before:
        fail("a dry run wrote to the database")
    backend("import", "staff", "--council", COUNCIL, staff_csv, "--codes-out", os.path.join(WORK, "staff-codes.csv"))
    codes = os.path.join(WORK, "codes.csv")
    backend("import", "young-people", "--council", COUNCIL, yp_csv, "--dry-run")
    backend("import", "young-people", "--council", COUNCIL, yp_csv, "--codes-out", codes)
    after_import = table_counts()
    again = backend("import", "young-people", "--council", COUNCIL, yp_csv, "--codes-out",
                    os.path.join(WORK, "codes2.csv"))
    after_again = table_counts()
    if after_again != after_import:
        diff = {t: (after_import.get(t), after_again.get(t)) for t in after_again if after_import.get(t) != after_again.get(t)}
        fail(f"re-importing the same file changed the database: {diff}\n{again}")
    ok("20 staff and 500 young people imported; a dry run and a second import changed nothing")

    # 6. A young person activates with their code.
    with open(codes, newline="") as f:
        rows = list(csv.DictReader(f))
    if len(rows) != 500:
        fail(f"expected 500 codes, got {len(rows)}")
    code = next(v for v in rows[0].values() if re.fullmatch(r"[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}", v or ""))
    status, text, _ = request("POST", "/api/auth/activate", {"code": code, "password": "purple tiger jumps"})
    if status != 200:
        fail(f"a young person's activation: {status} {text}")
    ok("a young person activated with their imported code")

    # 7. The sign-in throttle counts the client behind nginx, not nginx.
    def wrong(username, source, via="nginx", headers=None):
        return request("POST", "/api/auth/login", {"username": username, "password": "not the password"},
                       headers=headers, via=via, source=source)[0]

    for _ in range(10):
        if wrong("nobody-a", "127.0.0.2") != 401:
            fail("a wrong password through nginx was not a 401")
    if wrong("nobody-b", "127.0.0.2") != 429:
        fail("ten wrong passwords from 127.0.0.2 did not throttle 127.0.0.2")
    if wrong("nobody-c", "127.0.0.3") != 401:
        fail("ten wrong passwords from 127.0.0.2 throttled 127.0.0.3 too")
    # A spoofed X-Forwarded-For, through nginx and straight to the server
    # from an untrusted peer, changes nothing.
    if wrong("nobody-d", "127.0.0.2", headers={"X-Forwarded-For": "127.0.0.9"}) != 429:
        fail("a spoofed X-Forwarded-For through nginx escaped the throttle")
    for _ in range(10):
        wrong("nobody-e", "127.0.0.4", via="direct", headers={"X-Forwarded-For": "127.0.0.3"})
    if wrong("nobody-f", "127.0.0.3") != 401:
        fail("a spoofed X-Forwarded-For from an untrusted peer throttled the address it named")
    if wrong("nobody-g", "127.0.0.4", via="direct") != 429:
        fail("the untrusted peer that spoofed X-Forwarded-For was not itself throttled")
    # Garbage in front of what nginx appends is never read: it throttles
    # the client that sent it, not nginx's address (everyone's).
    for _ in range(10):
        wrong("nobody-h", "127.0.0.6", headers={"X-Forwarded-For": "garbage"})
    if wrong("nobody-i", "127.0.0.6") != 429:
        fail("ten wrong passwords with a garbage X-Forwarded-For did not throttle their sender")
    if wrong("nobody-j", "127.0.0.7") != 401:
        fail("a garbage X-Forwarded-For through nginx throttled everyone")
    ok("behind nginx, ten wrong passwords throttle that client only; spoofed or garbage X-Forwarded-For changes nothing")

    # 8. Metrics: scraped from the monitoring address, hidden from others.
    status, text, _ = request("GET", "/metrics")
    if status != 200 or "http_requests" not in text:
        fail(f"/metrics from the monitoring host: {status} {text[:300]}")
    if request("GET", "/metrics", source="127.0.0.2")[0] != 403:
        fail("nginx let another address read /metrics")
    if request("GET", "/metrics", via="direct", source="127.0.0.2")[0] != 404:
        fail("the server let another address read /metrics")
    ok("/metrics scraped from the monitoring address; refused to others")

    # 9. Back up, wipe, restore: every table has the same rows. The server
    # is stopped first so that nothing changes between the counts (the
    # HTTP tests back up a running server). The audit trail comes out the
    # same too: the backup's own row is written after its copy is taken,
    # the restore's after the restore.
    stop_server()
    backup = os.path.join(WORK, "council.backup")
    backend("backup", "--to", backup)
    counts = table_counts()
    wipe_database()
    backend("restore", "--from", backup)
    restored = table_counts()
    if restored != counts:
        diff = {t: (counts.get(t), restored.get(t)) for t in set(counts) | set(restored) if counts.get(t) != restored.get(t)}
        fail(f"restored tables differ (before, after): {diff}")
    start_server()
    status, text, _ = request("POST", "/api/auth/login", {"username": "rclarke", "password": PASSWORD},
                              source="127.0.0.5")
    if status != 200:
        fail(f"the administrator could not sign in after the restore: {status} {text}")
    ok(f"backed up, wiped and restored: {len(counts)} tables, {sum(counts.values())} rows, all the same")
finally:
    clean_up()
print(f"going live on {DB}: every step passed")
shutil.rmtree(WORK, ignore_errors=True)
