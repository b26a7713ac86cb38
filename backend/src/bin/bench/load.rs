//! Driving one endpoint at many concurrent connections, in turns with
//! `/api/health`, and the latencies measured.

use super::{BenchResult, Measure};
use serde_json::json;
use shared::endpoints as ep;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

async fn get_json(client: &reqwest::Client, url: &str, token: &str) -> Option<serde_json::Value> {
    let res = client.get(url).bearer_auth(token).send().await.ok()?;
    if res.status().as_u16() != 200 {
        return None;
    }
    serde_json::from_slice(&res.bytes().await.ok()?).ok()
}

/// (token, first page of the first space each may use).
pub(super) async fn forum_pages(
    client: &reqwest::Client,
    base: &str,
    tokens: &[String],
) -> BenchResult<Vec<(String, String)>> {
    let mut out = Vec::new();
    for t in tokens {
        let Some(v) = get_json(client, &format!("{base}{}", ep::forum::Spaces::PATH), t).await
        else {
            continue;
        };
        if let Some(id) = v
            .as_array()
            .and_then(|a| a.first())
            .and_then(|s| s.get("id"))
            .and_then(|i| i.as_str())
        {
            out.push((t.clone(), ep::forum::SpaceThreads::url(id).into()));
        }
    }
    if out.is_empty() {
        return Err("none of the young people signed in may use a forum space".into());
    }
    Ok(out)
}

/// One form to send per young person: their next review, the form for
/// their age, a few answers, the default readers.
pub(super) async fn feedback_forms(
    client: &reqwest::Client,
    base: &str,
    tokens: &[String],
) -> BenchResult<Vec<(String, Vec<u8>)>> {
    let mut out = Vec::new();
    for t in tokens {
        let Some(v) = get_json(client, &format!("{base}{}", ep::feedback::Screen::PATH), t).await
        else {
            continue;
        };
        if !v.get("sent").is_none_or(|s| s.is_null()) {
            continue;
        }
        let (Some(review), Some(form)) = (
            v.pointer("/review/id").and_then(|x| x.as_str()),
            v.pointer("/form/id").and_then(|x| x.as_str()),
        ) else {
            continue;
        };
        let mut answers = Vec::new();
        for q in v
            .pointer("/form/questions")
            .and_then(|q| q.as_array())
            .into_iter()
            .flatten()
        {
            let key = q.get("key").and_then(|k| k.as_str()).unwrap_or_default();
            match q.get("kind").and_then(|k| k.as_str()) {
                Some("faces") => answers.push(json!({"question": key, "scale": 4})),
                Some("text") => {
                    answers.push(json!({"question": key, "text": "Things are going well at home."}))
                }
                _ => {}
            }
        }
        let body = serde_json::to_vec(&json!({
            "submission_id": uuid::Uuid::new_v4().to_string(),
            "review_id": review,
            "form_id": form,
            "answers": answers,
        }))?;
        out.push((t.clone(), body));
    }
    Ok(out)
}

/// Forms to send: (token, body).
type Forms = Vec<(String, Vec<u8>)>;

#[derive(Clone)]
pub(super) enum Load {
    /// GET one path, with the tokens in turn (an empty token: none).
    Get(Arc<String>, Arc<Vec<String>>),
    /// GET a path of each token's own.
    Pages(Arc<Vec<(String, String)>>),
    /// Each form once.
    Submit(Arc<Mutex<Forms>>),
}

impl Load {
    pub(super) fn get(path: &str, tokens: Vec<String>) -> Load {
        Load::Get(Arc::new(path.to_owned()), Arc::new(tokens))
    }
}

#[derive(Default)]
pub(super) struct Sample {
    pub(super) latencies_us: Vec<u32>,
    pub(super) errors: u64,
    pub(super) secs: f64,
}

impl Sample {
    pub(super) fn rps(&self) -> f64 {
        self.latencies_us.len() as f64 / self.secs.max(1e-9)
    }

    pub(super) fn merge(&mut self, other: Sample) {
        self.latencies_us.extend(other.latencies_us);
        self.errors += other.errors;
        self.secs += other.secs;
    }

    pub(super) fn named(mut self, name: &'static str, health_rps: f64) -> Measure {
        let rps = self.rps();
        self.latencies_us.sort_unstable();
        let n = self.latencies_us.len();
        let pct = |p: f64| -> f64 {
            if n == 0 {
                return 0.0;
            }
            let i = ((n as f64 * p).ceil() as usize).clamp(1, n) - 1;
            f64::from(self.latencies_us[i]) / 1000.0
        };
        Measure {
            name,
            requests: n as u64,
            errors: self.errors,
            rps,
            health_rps,
            p50_ms: pct(0.50),
            p99_ms: pct(0.99),
        }
    }
}

async fn send(
    client: &reqwest::Client,
    url: String,
    token: &str,
    body: Option<Vec<u8>>,
) -> Option<u16> {
    let mut req = match body {
        Some(b) => client
            .post(url)
            .header("content-type", "application/json")
            .body(b),
        None => client.get(url),
    };
    if !token.is_empty() {
        req = req.bearer_auth(token);
    }
    let res = req.send().await.ok()?;
    let status = res.status().as_u16();
    res.bytes().await.ok()?;
    Some(status)
}

/// `conns` loops, each sending one request after
/// another until the time is up; every latency is kept.
pub(super) async fn drive(
    client: &reqwest::Client,
    base: &str,
    load: &Load,
    conns: usize,
    dur: Duration,
    ok: impl Fn(u16) -> bool + Copy + Send + 'static,
) -> Sample {
    let started = Instant::now();
    let deadline = started + dur;
    let mut tasks = Vec::with_capacity(conns);
    for worker in 0..conns {
        let client = client.clone();
        let base = base.to_owned();
        let load = load.clone();
        tasks.push(tokio::spawn(async move {
            let mut lat = Vec::new();
            let mut errors = 0u64;
            let mut i = worker;
            loop {
                let t = Instant::now();
                if t >= deadline {
                    break;
                }
                let good = match &load {
                    Load::Get(path, tokens) => {
                        let token = tokens
                            .get(i % tokens.len().max(1))
                            .map_or("", |s| s.as_str());
                        send(&client, format!("{base}{path}"), token, None)
                            .await
                            .is_some_and(ok)
                    }
                    Load::Pages(pages) => match pages.get(i % pages.len().max(1)) {
                        Some((token, path)) => send(&client, format!("{base}{path}"), token, None)
                            .await
                            .is_some_and(ok),
                        None => false,
                    },
                    Load::Submit(pool) => {
                        let next = pool.lock().ok().and_then(|mut p| p.pop());
                        let Some((token, body)) = next else {
                            break;
                        };
                        send(
                            &client,
                            format!("{base}{}", ep::feedback::Send::PATH),
                            &token,
                            Some(body),
                        )
                        .await
                        .is_some_and(ok)
                    }
                };
                if good {
                    lat.push(u32::try_from(t.elapsed().as_micros()).unwrap_or(u32::MAX));
                } else {
                    errors += 1;
                }
                i += conns;
            }
            (lat, errors, Instant::now())
        }));
    }
    let mut latencies_us = Vec::new();
    let mut errors = 0;
    let mut ended = started;
    for t in tasks {
        if let Ok((lat, e, end)) = t.await {
            latencies_us.extend(lat);
            errors += e;
            ended = ended.max(end);
        }
    }
    Sample {
        latencies_us,
        errors,
        secs: (ended - started).as_secs_f64(),
    }
}
