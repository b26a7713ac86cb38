"""The checks of scripts/multi-instance.sh (issue 10), against two running
instances (A, B), nginx in front of them (LB) and their database (PG_URL).
Standard library only. Prints each check; exits 1 on the first failure."""

import datetime
import http.server
import json
import os
import subprocess
import sys
import threading
import time
import zoneinfo

from checks_http import call, fail, ok

A, B, LB = os.environ["A"], os.environ["B"], os.environ["LB"]
PG_URL = os.environ["PG_URL"]
SINK_PORT = int(os.environ["SINK_PORT"])
UPSTREAM_LOG = os.environ["UPSTREAM_LOG"]
PASSWORD = "good-for-me-demo"
# RFC 8291 Appendix A's browser key and auth secret: any valid pair will do.
P256DH = "BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4"
AUTH = "BTBZMqHH6r4Tts7J_aSIgg"


def sql(query):
    out = subprocess.run(
        ["psql", PG_URL, "-Atqc", query], check=True, capture_output=True, text=True
    )
    return out.stdout.strip()


def login(base, username):
    status, body = call(base, "POST", "/api/auth/login", body={"username": username, "password": PASSWORD})
    if status != 200:
        fail(f"sign in as {username} on {base}: {status} {body}")
    return body


# 1. A token from one instance works on the other, and through nginx.
t = login(A, "demo-child-10")
for base, name in ((A, "A"), (B, "B")):
    status, me = call(base, "GET", "/api/me", t["access_token"])
    if status != 200 or me.get("username") != "demo-child-10":
        fail(f"the token from A on {name}: {status} {me}")
open(UPSTREAM_LOG, "a").close()
before = len(open(UPSTREAM_LOG).read().splitlines())
for _ in range(10):
    status, _ = call(LB, "GET", "/api/me/home", t["access_token"])
    if status != 200:
        fail(f"through nginx: {status}")
served = {line.split()[0] for line in open(UPSTREAM_LOG).read().splitlines()[before:] if line}
if len(served) < 2:
    fail(f"nginx sent every request to one instance: {served}")
ok(f"a token from A works on B and on both through nginx (served by {sorted(served)})")

# 2. A refresh token rotated on A is rejected by both.
t = login(A, "demo-teen-14")
status, rotated = call(A, "POST", "/api/auth/refresh", body={"refresh_token": t["refresh_token"]})
if status != 200:
    fail(f"refresh on A: {status} {rotated}")
for base, name in ((B, "B"), (A, "A")):
    status, body = call(base, "POST", "/api/auth/refresh", body={"refresh_token": t["refresh_token"]})
    if status != 401:
        fail(f"the old refresh token on {name} after rotation: {status} {body}")
# A replay ends the whole session: the new tokens stop working too.
status, _ = call(B, "POST", "/api/auth/refresh", body={"refresh_token": rotated["refresh_token"]})
if status != 401:
    fail(f"the rotated refresh token after a replay: {status}")
for base, name in ((A, "A"), (B, "B")):
    status, _ = call(base, "GET", "/api/me", rotated["access_token"])
    if status != 401:
        fail(f"an access token of the ended session on {name}: {status}")
ok("a refresh token rotated on A is rejected by A and B (and the replay ends the session on both)")

# 3. A scheduled reminder is sent once.
received = []


class Sink(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        received.append(self.path)
        self.send_response(201)
        self.end_headers()

    def log_message(self, *args):
        pass


sink = http.server.ThreadingHTTPServer(("127.0.0.1", SINK_PORT), Sink)
threading.Thread(target=sink.serve_forever, daemon=True).start()

t = login(B, "demo-child-10")
status, body = call(B, "POST", "/api/me/push-subscriptions", t["access_token"], {
    "endpoint": f"http://127.0.0.1:{SINK_PORT}/leo", "keys": {"p256dh": P256DH, "auth": AUTH}})
if status not in (200, 201):
    fail(f"subscribe Leo's device: {status} {body}")
# Quiet hours well away from now, so the push goes at once.
now = datetime.datetime.now(zoneinfo.ZoneInfo("Europe/London"))
start = (now + datetime.timedelta(hours=3)).strftime("%H:%M")
end = (now + datetime.timedelta(hours=4)).strftime("%H:%M")
status, body = call(A, "PUT", "/api/me/notification-preferences", t["access_token"],
                    {"quiet_hours": {"start": start, "end": end}})
if status != 200:
    fail(f"quiet hours: {status} {body}")

yp = sql("SELECT y.id FROM young_person y JOIN account a ON a.id = y.account_id "
         "WHERE a.username = 'demo-child-10'")
account = sql("SELECT id FROM account WHERE username = 'demo-child-10'")
due = (now.date() + datetime.timedelta(days=2)).isoformat()
payload = json.dumps({"young_person_id": int(yp), "review_due": due, "link": "/my/review"})
before_notes = int(sql(f"SELECT COUNT(*) FROM notification WHERE account_id = {account} "
                       "AND kind = 'review_reminder'"))
job = sql(
    "INSERT INTO scheduled_job (kind, subject, due_on, run_at, payload, status, attempts, created_at) "
    f"VALUES ('review_reminder', 'multi-instance-check', CURRENT_DATE, now() - interval '1 second', "
    f"'{payload}', 'pending', 0, now()) RETURNING id")

deadline = time.time() + 60
while time.time() < deadline:
    if sql(f"SELECT status FROM scheduled_job WHERE id = {job}") == "done" and received:
        break
    time.sleep(0.5)
# Both workers poll every second: give a second sending every chance.
time.sleep(5)
status = sql(f"SELECT status || ' after ' || attempts || ' attempt(s)' FROM scheduled_job WHERE id = {job}")
notes = int(sql(f"SELECT COUNT(*) FROM notification WHERE account_id = {account} "
                "AND kind = 'review_reminder'")) - before_notes
sent = sql("SELECT COUNT(*) FROM push_delivery d JOIN notification n ON n.id = d.notification_id "
           f"WHERE n.account_id = {account} AND n.kind = 'review_reminder' AND d.status = 'sent'")
pushes = [p for p in received if p == "/leo"]
if not status.startswith("done") or notes != 1 or len(pushes) != 1 or sent != "1":
    fail(f"the reminder: job {status}, {notes} notifications, {len(pushes)} pushes received, "
         f"{sent} deliveries marked sent (each should be 1)")
ok(f"the scheduled reminder ran once ({status}): one notification, one push received")
sink.shutdown()
