//! What `GET /metrics` reports, in Prometheus text format, for the
//! council's monitoring (the route and the request counting middleware are
//! in `routes::metrics`).
//!
//! Only for `METRICS_ALLOW` client addresses (by the `client_addr` rules)
//! or `Authorization: Bearer <METRICS_TOKEN>`; anyone else gets a plain 404,
//! so the page does not tell a stranger it exists. Labels are route
//! templates (`/api/people/{id}`, never the path asked for), methods and
//! status codes: no label can hold a person's id, name or words. Database
//! numbers (outbox, scheduler, alerts) are read when scraped, so they are
//! right whichever instance or worker did the work; counters count what
//! this process did.

use crate::error::ApiError;
use crate::repo::ops;
use chrono::{DateTime, Duration, Utc};
use prometheus::{
    Encoder, Gauge, HistogramOpts, HistogramVec, IntCounter, IntCounterVec, IntGauge, IntGaugeVec,
    Opts, Registry, TextEncoder,
};
use sea_orm::{DatabaseConnection, DbBackend};

/// A safeguarding alert should have a response within this time: there is
/// no deadline in the data, and a child at risk should hear back the same
/// working day, so four hours unanswered counts as overdue.
pub const ALERT_RESPONSE_HOURS: i64 = 4;

/// Every series this server exports.
pub struct Metrics {
    registry: Registry,
    http_requests: IntCounterVec,
    http_seconds: HistogramVec,
    signin_failures: IntCounter,
    signin_throttled: IntCounter,
    push_deliveries: IntCounterVec,
    db_connections: IntGaugeVec,
    outbox_pending: IntGauge,
    outbox_oldest_seconds: Gauge,
    scheduler_lag_seconds: Gauge,
    alerts_overdue: IntGauge,
    worker_heartbeat_age: Gauge,
}

impl Metrics {
    pub fn new() -> Result<Metrics, prometheus::Error> {
        let registry = Registry::new_custom(Some("goodforme".to_owned()), None)?;
        let http_requests = IntCounterVec::new(
            Opts::new("http_requests_total", "HTTP requests answered"),
            &["method", "route", "status"],
        )?;
        let http_seconds = HistogramVec::new(
            HistogramOpts::new("http_request_duration_seconds", "Time to answer"),
            &["method", "route", "status"],
        )?;
        let signin_failures = IntCounter::new(
            "signin_failures_total",
            "Sign-ins and activations refused for a wrong password or code",
        )?;
        let signin_throttled = IntCounter::new(
            "signin_throttled_total",
            "Sign-ins and activations refused for too many tries",
        )?;
        let push_deliveries = IntCounterVec::new(
            Opts::new("push_deliveries_total", "Push delivery outcomes"),
            &["outcome"],
        )?;
        let db_connections = IntGaugeVec::new(
            Opts::new("db_pool_connections", "Database pool connections"),
            &["state"],
        )?;
        let outbox_pending = IntGauge::new("push_outbox_pending", "Push deliveries waiting")?;
        let outbox_oldest_seconds = Gauge::new(
            "push_outbox_oldest_age_seconds",
            "Age of the oldest waiting push delivery (0 when none)",
        )?;
        let scheduler_lag_seconds = Gauge::new(
            "scheduler_lag_seconds",
            "How late the longest-waiting due job is (0 when none)",
        )?;
        let alerts_overdue = IntGauge::new(
            "safeguarding_alerts_overdue",
            "Safeguarding alerts with no response after ALERT_RESPONSE_HOURS",
        )?;
        let worker_heartbeat_age = Gauge::new(
            "worker_heartbeat_age_seconds",
            "Since a background worker last finished a pass (-1 when none has)",
        )?;
        registry.register(Box::new(http_requests.clone()))?;
        registry.register(Box::new(http_seconds.clone()))?;
        registry.register(Box::new(signin_failures.clone()))?;
        registry.register(Box::new(signin_throttled.clone()))?;
        registry.register(Box::new(push_deliveries.clone()))?;
        registry.register(Box::new(db_connections.clone()))?;
        registry.register(Box::new(outbox_pending.clone()))?;
        registry.register(Box::new(outbox_oldest_seconds.clone()))?;
        registry.register(Box::new(scheduler_lag_seconds.clone()))?;
        registry.register(Box::new(alerts_overdue.clone()))?;
        registry.register(Box::new(worker_heartbeat_age.clone()))?;
        Ok(Metrics {
            registry,
            http_requests,
            http_seconds,
            signin_failures,
            signin_throttled,
            push_deliveries,
            db_connections,
            outbox_pending,
            outbox_oldest_seconds,
            scheduler_lag_seconds,
            alerts_overdue,
            worker_heartbeat_age,
        })
    }

    pub fn signin_failed(&self) {
        self.signin_failures.inc();
    }

    pub fn signin_throttled(&self) {
        self.signin_throttled.inc();
    }

    /// Counts push delivery outcomes: `sent`, `failed`, `retried`,
    /// `skipped` or `held` (the worker's fixed names, never anything sent).
    pub fn push_outcomes(&self, outcomes: &[(&'static str, u64)]) {
        for (outcome, n) in outcomes {
            if *n > 0 {
                self.push_deliveries
                    .with_label_values(&[outcome])
                    .inc_by(*n);
            }
        }
    }

    /// Counts one answered request. `route` must be a template or a fixed
    /// name, never a path as asked for.
    pub fn observe(&self, method: &str, route: &str, status: &str, seconds: f64) {
        let labels = [method, route, status];
        self.http_requests.with_label_values(&labels).inc();
        self.http_seconds
            .with_label_values(&labels)
            .observe(seconds);
    }

    /// Reads the database numbers, then writes every series as text.
    pub async fn render(
        &self,
        db: &DatabaseConnection,
        now: DateTime<Utc>,
    ) -> Result<String, ApiError> {
        let (open, idle) = pool_numbers(db);
        self.db_connections.with_label_values(&["open"]).set(open);
        self.db_connections.with_label_values(&["idle"]).set(idle);
        let (pending, oldest) = ops::outbox_depth(db).await?;
        self.outbox_pending
            .set(i64::try_from(pending).unwrap_or(i64::MAX));
        self.outbox_oldest_seconds.set(age(oldest, now));
        self.scheduler_lag_seconds
            .set(age(ops::oldest_due_job(db, now).await?, now));
        let overdue =
            ops::unanswered_alerts_before(db, now - Duration::hours(ALERT_RESPONSE_HOURS)).await?;
        self.alerts_overdue
            .set(i64::try_from(overdue).unwrap_or(i64::MAX));
        self.worker_heartbeat_age.set(
            ops::latest_beat(db)
                .await?
                .map_or(-1.0, |at| age(Some(at), now)),
        );
        let mut out = vec![];
        TextEncoder::new()
            .encode(&self.registry.gather(), &mut out)
            .map_err(|e| ApiError::Internal(format!("could not write the metrics: {e}")))?;
        String::from_utf8(out)
            .map_err(|e| ApiError::Internal(format!("the metrics were not text: {e}")))
    }
}

/// Seconds since `at` (0 for none or the future).
fn age(at: Option<DateTime<Utc>>, now: DateTime<Utc>) -> f64 {
    at.map_or(0.0, |at| {
        ((now - at).num_milliseconds().max(0) as f64) / 1000.0
    })
}

/// Open and idle connections of the pool (sqlx's own counts).
fn pool_numbers(db: &DatabaseConnection) -> (i64, i64) {
    let (size, idle) = match db.get_database_backend() {
        DbBackend::Postgres => {
            let p = db.get_postgres_connection_pool();
            (p.size(), p.num_idle())
        }
        DbBackend::Sqlite => {
            let p = db.get_sqlite_connection_pool();
            (p.size(), p.num_idle())
        }
        _ => (0, 0),
    };
    (i64::from(size), i64::try_from(idle).unwrap_or(i64::MAX))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    #[test]
    fn series_carry_only_the_labels_given() {
        let m = Metrics::new().unwrap();
        m.observe("GET", "/api/people/{id}", "200", 0.01);
        m.push_outcomes(&[("sent", 2), ("failed", 1), ("held", 0)]);
        let mut out = vec![];
        TextEncoder::new()
            .encode(&m.registry.gather(), &mut out)
            .unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(text.contains(
            "goodforme_http_requests_total{method=\"GET\",route=\"/api/people/{id}\",status=\"200\"} 1"
        ));
        assert!(text.contains("goodforme_push_deliveries_total{outcome=\"sent\"} 2"));
        assert!(text.contains("goodforme_push_deliveries_total{outcome=\"failed\"} 1"));
        assert!(!text.contains("outcome=\"held\""));
    }

    #[test]
    fn ages_are_never_negative() {
        let now = Utc::now();
        assert_eq!(age(None, now), 0.0);
        assert_eq!(age(Some(now + Duration::seconds(5)), now), 0.0);
        assert_eq!(age(Some(now - Duration::seconds(90)), now), 90.0);
    }
}
