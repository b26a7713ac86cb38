"""Faults (issue 10) that need a process killed, a database restarted or a
disk filled; run by scripts/faults.sh, which builds the binaries first.
Standard library only. Each fault prints what it checked; exit 1 on the
first failure. (The push service down for an hour is an HTTP test:
tests/tests/api/faults.rs.)

  restart   PostgreSQL restarts under load: requests answer 200 or 503
            (never 500 or a dropped connection), the server recovers on its
            own, and every plan shared is stored whole (its version, the
            young person's notification and the audit row) or not at all.
  kill      The server is killed (SIGKILL) while young people send their
            feedback forms: each form is stored whole (every answer, its
            readers, their notifications, the draft gone) or not at all
            (the draft still there); sending again stores each exactly once;
            the SQLite file passes its integrity check.
  diskfull  SQLite's disk fills up: writes answer 503 "storage_full" with a
            plain message and store nothing, reads still work, and once
            there is room the same form is stored whole; integrity check ok.
            Needs root (a small tmpfs); skipped otherwise.
"""

import glob
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import uuid

from checks_http import call, fail, ok

BIN = os.environ.get("BACKEND_BIN", "target/debug/backend")
GENERATE = os.environ.get("GENERATE_BIN", "target/debug/generate")
DEMO_PASSWORD = "good-for-me-demo"
GEN_PASSWORD = "good-for-me-generated"
PG_PORT, RESTART_PORT, KILL_PORT, FULL_PORT = 18110, 18111, 18112, 18113


def login(base, username, password=DEMO_PASSWORD):
    status, body = call(base, "POST", "/api/auth/login", body={"username": username, "password": password})
    if status != 200:
        fail(f"sign in as {username}: {status} {body}")
    return body["access_token"]


class Server:
    def __init__(self, port, data_dir, **env):
        self.port, self.data_dir, self.env = port, data_dir, env
        self.base = f"http://127.0.0.1:{port}"
        self.proc = None

    def start(self):
        env = dict(os.environ, DATA_DIR=self.data_dir, BIND_ADDR=f"127.0.0.1:{self.port}",
                   PUBLIC_DIR=os.path.join(self.data_dir, "dist"), BACKGROUND_JOBS="0",
                   RUST_LOG="warn", **self.env)
        env.pop("GFM_CONFIG", None)
        self.log = open(os.path.join(self.data_dir, "server.log"), "a")
        self.proc = subprocess.Popen([BIN], env=env, stdout=self.log, stderr=self.log)
        deadline = time.time() + 60
        while time.time() < deadline:
            if self.proc.poll() is not None:
                fail(f"the server stopped at start-up; see {self.data_dir}/server.log")
            if call(self.base, "GET", "/api/health", timeout=2)[0] == 200:
                return self
            time.sleep(0.1)
        fail("the server did not start")

    def kill(self):
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait()

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.kill()


def answers_for(questions):
    out = []
    for q in questions:
        if q.get("kind") == "faces":
            out.append({"question": q["key"], "scale": 4})
        elif q.get("kind") == "text":
            out.append({"question": q["key"], "text": "Things are going well at home."})
    return out


# --------------------------------------------------------------- restart

def as_postgres(args, **kw):
    if os.geteuid() == 0:
        args = ["runuser", "-u", "postgres", "--"] + args
    return subprocess.run(args, check=True, capture_output=True, text=True, **kw)


def restart(work):
    pgbin = sorted(glob.glob("/usr/lib/postgresql/*/bin"))
    if not pgbin:
        fail("PostgreSQL is not installed (scripts/ensure-tools.sh --tests)")
    pgbin = pgbin[-1]
    cluster = os.path.join(work, "pg")
    os.makedirs(cluster)
    if os.geteuid() == 0:
        shutil.chown(cluster, "postgres")
    data = os.path.join(cluster, "data")
    as_postgres([f"{pgbin}/initdb", "-D", data, "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8"])
    opts = f"-p {PG_PORT} -k {cluster} -c listen_addresses=127.0.0.1 -c fsync=off"
    ctl = [f"{pgbin}/pg_ctl", "-D", data, "-l", os.path.join(cluster, "log"), "-w", "-o", opts]
    as_postgres(ctl + ["start"])
    try:
        subprocess.run(["psql", f"postgres://postgres@127.0.0.1:{PG_PORT}/postgres", "-qc",
                        "CREATE DATABASE gfm"], check=True, capture_output=True)
        url = f"postgres://postgres@127.0.0.1:{PG_PORT}/gfm"
        srv_dir = os.path.join(work, "restart")
        os.makedirs(srv_dir)
        server = Server(RESTART_PORT, srv_dir, DATABASE_URL=url, DEMO_DATA="1").start()
        try:
            restart_checks(server, url, lambda: as_postgres(ctl + ["-m", "fast", "restart"]))
        finally:
            server.stop()
    finally:
        subprocess.run((["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else [])
                       + [f"{pgbin}/pg_ctl", "-D", data, "-m", "immediate", "-w", "stop"],
                       capture_output=True)


def restart_checks(server, url, restart_db):
    base = server.base
    leo = login(base, "demo-child-10")
    sw = login(base, "demo-sw")
    status, people = call(base, "GET", "/api/people", sw)
    aisha = next(p["id"] for p in people if p["preferred_name"] == "Aisha")
    stop = threading.Event()
    seen = []  # (time, what, status)
    lock = threading.Lock()

    def note(what, status):
        with lock:
            seen.append((time.time(), what, status))

    def reader():
        while not stop.is_set():
            note("home", call(base, "GET", "/api/me/home", leo)[0])

    def writer():
        n = 0
        while not stop.is_set():
            n += 1
            s, _ = call(base, "PUT", f"/api/people/{aisha}/plan/draft", sw,
                        {"sections": [{"section": "about_me", "text": f"You love drawing. Note {n}."}]})
            note("draft", s)
            if s == 200:
                note("share", call(base, "POST", f"/api/people/{aisha}/plan/share", sw, {})[0])

    threads = [threading.Thread(target=reader) for _ in range(6)] + [threading.Thread(target=writer)]
    for t in threads:
        t.start()
    time.sleep(3)
    t_restart = time.time()
    restart_db()
    t_back = time.time()
    time.sleep(6)
    stop.set()
    for t in threads:
        t.join()
    statuses = {}
    for _, what, s in seen:
        statuses[s] = statuses.get(s, 0) + 1
    bad = [(w, s) for _, w, s in seen if s not in (200, 503)]
    if bad:
        fail(f"answers other than 200 or 503 while PostgreSQL restarted: {bad[:10]} (all: {statuses})")
    tail = [s for t, _, s in seen if t > t_back + 3]
    if not tail or any(s != 200 for s in tail):
        fail(f"not recovered 3 s after the restart: {tail[:20]}")
    shares_ok = sum(1 for _, w, s in seen if w == "share" and s == 200)
    q = lambda sql: subprocess.run(["psql", url, "-Atqc", sql], check=True, capture_output=True,
                                   text=True).stdout.strip()
    yp = q("SELECT y.id FROM young_person y WHERE y.preferred_name = 'Aisha'")
    account = q(f"SELECT account_id FROM young_person WHERE id = {yp}")
    versions = int(q(f"SELECT COUNT(*) FROM plan_version WHERE young_person_id = {yp} AND status = 'shared'"))
    notes = int(q(f"SELECT COUNT(*) FROM notification WHERE account_id = {account} AND kind = 'plan_shared'"))
    audits = int(q(f"SELECT COUNT(*) FROM audit_event WHERE young_person_id = {yp} AND action = 'write_plan' "
                   "AND outcome = 'allowed'"))
    if not (versions == notes and versions >= shares_ok):
        fail(f"half-written shares: {versions} versions, {notes} notifications, {shares_ok} acknowledged")
    ok(f"PostgreSQL restarted under load ({t_back - t_restart:.1f} s): {statuses} answers (200 or 503 only), "
       f"recovered on its own; {versions} plan versions shared, each with its notification "
       f"({shares_ok} acknowledged; {audits} audit rows for plan changes)")


# ------------------------------------------------------------------ kill

def kill(work):
    d = os.path.join(work, "kill")
    os.makedirs(d)
    db_path = os.path.join(d, "goodforme.db")
    subprocess.run([GENERATE, "--database-url", f"sqlite://{db_path}", "--young-people", "400",
                    "--councils", "1"], check=True, capture_output=True)
    server = Server(KILL_PORT, d).start()
    base = server.base
    db = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    today = time.strftime("%Y-%m-%d")
    names = [r[0] for r in db.execute(
        "SELECT a.username FROM account a JOIN young_person y ON y.account_id = a.id "
        "JOIN review r ON r.young_person_id = y.id AND r.status = 'booked' AND r.scheduled_on >= ? "
        "WHERE NOT EXISTS (SELECT 1 FROM feedback f WHERE f.review_id = r.id) "
        "ORDER BY a.id LIMIT 40", (today,))]
    if len(names) < 20:
        fail(f"only {len(names)} young people with a review to send views for")
    forms = []  # (token, body)
    for name in names:
        token = login(base, name, GEN_PASSWORD)
        s, screen = call(base, "GET", "/api/me/feedback", token)
        if s != 200 or screen.get("sent"):
            continue
        answers = answers_for(screen["form"]["questions"])
        draft = {"review_id": screen["review"]["id"], "form_id": screen["form"]["id"], "answers": answers}
        if call(base, "PUT", "/api/me/feedback/draft", token, draft)[0] != 200:
            fail("saving a draft")
        forms.append((token, dict(draft, submission_id=str(uuid.uuid4()))))
    results = {}

    def send(i):
        token, body = forms[i]
        results[i] = call(base, "POST", "/api/me/feedback", token, body, timeout=10)[0]

    threads = [threading.Thread(target=send, args=(i,)) for i in range(len(forms))]
    for i, t in enumerate(threads):
        t.start()
        if i == len(forms) // 3:
            time.sleep(0.05)
            server.kill()
    for t in threads:
        t.join()
    answered = sum(1 for s in results.values() if s == 201)
    lost = sum(1 for s in results.values() if s == 0)

    def stored(body):
        """(feedback id or None, answers, readers, draft gone, drafts left)"""
        row = db.execute("SELECT f.id, f.young_person_id, r.id FROM feedback f JOIN review r ON r.id = f.review_id "
                         "WHERE f.submission_id = ?", (body["submission_id"],)).fetchone()
        drafts = db.execute("SELECT COUNT(*) FROM feedback_draft d JOIN review r ON r.id = d.review_id "
                            "WHERE r.public_id = ?", (body["review_id"],)).fetchone()[0]
        if not row:
            return None, 0, 0, 0, drafts
        fid = row[0]
        answers = db.execute("SELECT COUNT(*) FROM feedback_answer WHERE feedback_id = ?", (fid,)).fetchone()[0]
        readers = db.execute("SELECT COUNT(*) FROM feedback_reader WHERE feedback_id = ?", (fid,)).fetchone()[0]
        return fid, answers, readers, drafts == 0, drafts

    server.start()  # after the kill: recovers the write-ahead log
    whole = absent = 0
    for i, (token, body) in enumerate(forms):
        fid, answers, readers, draft_gone, drafts = stored(body)
        if fid is None:
            if drafts != 1:
                fail(f"form {i} is not stored and its draft is gone")
            absent += 1
        elif answers != len(body["answers"]) or readers < 1 or not draft_gone:
            fail(f"form {i} is half stored: {answers}/{len(body['answers'])} answers, {readers} readers, "
                 f"draft left: {not draft_gone}")
        else:
            whole += 1
        if results.get(i) == 201 and fid is None:
            fail(f"form {i} was answered 201 but is not stored")
    # The phone sends again whatever it has not heard back about.
    for i, (token, body) in enumerate(forms):
        s, _ = call(base, "POST", "/api/me/feedback", token, body)
        if s != 201:
            fail(f"sending form {i} again: {s}")
    for i, (token, body) in enumerate(forms):
        n = db.execute("SELECT COUNT(*) FROM feedback WHERE submission_id = ?", (body["submission_id"],)).fetchone()[0]
        fid, answers, readers, draft_gone, _ = stored(body)
        if n != 1 or answers != len(body["answers"]) or not draft_gone:
            fail(f"form {i} after sending again: {n} rows, {answers} answers")
    check = db.execute("PRAGMA integrity_check").fetchone()[0]
    if check != "ok":
        fail(f"integrity check: {check}")
    server.stop()
    ok(f"the server was killed while {len(forms)} forms were being sent ({answered} answered, {lost} cut off): "
       f"{whole} stored whole, {absent} not at all (drafts kept), none in part; sending again stored each once; "
       "integrity check ok")


# -------------------------------------------------------------- diskfull

def diskfull(work):
    if os.geteuid() != 0:
        print("skipped: disk full needs root (a small tmpfs)")
        return
    mnt = os.path.join(work, "full")
    os.makedirs(mnt)
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=24m", "tmpfs", mnt], capture_output=True).returncode:
        print("skipped: disk full could not mount a tmpfs here")
        return
    server = None
    try:
        server = Server(FULL_PORT, mnt, DEMO_DATA="1").start()
        base = server.base
        leo = login(base, "demo-child-10")
        sw = login(base, "demo-sw")
        aisha = next(p["id"] for p in call(base, "GET", "/api/people", sw)[1] if p["preferred_name"] == "Aisha")
        s, screen = call(base, "GET", "/api/me/feedback", leo)
        body = {"submission_id": str(uuid.uuid4()), "review_id": screen["review"]["id"],
                "form_id": screen["form"]["id"], "answers": answers_for(screen["form"]["questions"])}
        if call(base, "PUT", "/api/me/feedback/draft", leo, {k: body[k] for k in ("review_id", "form_id", "answers")})[0] != 200:
            fail("saving a draft")
        db_path = os.path.join(mnt, "goodforme.db")
        # An empty write-ahead log, so the next write needs new disk space.
        sqlite3.connect(db_path).execute("PRAGMA wal_checkpoint(TRUNCATE)").close()
        filler = os.path.join(mnt, "filler")
        with open(filler, "wb") as f:
            try:
                while True:
                    f.write(b"\0" * 65536)
                    f.flush()
            except OSError:
                pass
        s, e = call(base, "POST", "/api/me/feedback", leo, body)
        if s != 503 or not isinstance(e, dict) or e.get("error") != "storage_full":
            fail(f"sending with the disk full: {s} {e}")
        s2, e2 = call(base, "PUT", f"/api/people/{aisha}/plan/draft", sw,
                      {"sections": [{"section": "about_me", "text": "You love drawing."}]})
        if s2 != 503 or e2.get("error") != "storage_full":
            fail(f"saving a plan with the disk full: {s2} {e2}")
        if call(base, "GET", "/api/health")[0] != 200:
            fail("health with the disk full")
        db = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
        if db.execute("SELECT COUNT(*) FROM feedback WHERE submission_id = ?", (body["submission_id"],)).fetchone()[0]:
            fail("a form was stored while the disk was full")
        os.remove(filler)
        s, sent = call(base, "POST", "/api/me/feedback", leo, body)
        if s != 201:
            fail(f"sending once there is room: {s} {sent}")
        n = db.execute("SELECT COUNT(*) FROM feedback_answer a JOIN feedback f ON f.id = a.feedback_id "
                       "WHERE f.submission_id = ?", (body["submission_id"],)).fetchone()[0]
        if n != len(body["answers"]):
            fail(f"{n} of {len(body['answers'])} answers stored")
        check = db.execute("PRAGMA integrity_check").fetchone()[0]
        if check != "ok":
            fail(f"integrity check: {check}")
        db.close()
        ok(f"SQLite's disk full: writes answered 503 storage_full (\"{e['message']}\"), nothing stored, "
           "health still 200; with room again the form was stored whole; integrity check ok")
    finally:
        if server:
            server.stop()
        subprocess.run(["umount", mnt], capture_output=True)


def main():
    which = sys.argv[1:] or ["restart", "kill", "diskfull"]
    work = tempfile.mkdtemp(prefix="gfm-faults-")
    if os.geteuid() == 0:
        os.chmod(work, 0o755)
    try:
        for name in which:
            started = time.time()
            {"restart": restart, "kill": kill, "diskfull": diskfull}[name](work)
            print(f"   ({name}: {time.time() - started:.0f} s)")
    finally:
        subprocess.run(["umount", os.path.join(work, "full")], capture_output=True)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
