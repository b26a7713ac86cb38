//! `GET /metrics` (outside `/api`: not part of the API) and the middleware
//! that counts every request by its route template. What is reported is
//! in [`crate::metrics`]; who may read it is decided here.

use crate::client_addr::{self, NetList};
use crate::config::Settings;
use crate::state::AppState;
use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::middleware::Next;
use actix_web::{web, HttpRequest, HttpResponse};
use chrono::Utc;
use sha2::{Digest, Sha256};

/// Where the metrics are served.
pub const PATH: &str = "/metrics";

/// A method as a label: the standard ones, everything else `other` (a
/// client could otherwise make up a new series per request).
fn method_label(m: &actix_web::http::Method) -> &'static str {
    use actix_web::http::Method as M;
    match *m {
        M::GET => "GET",
        M::POST => "POST",
        M::PUT => "PUT",
        M::PATCH => "PATCH",
        M::DELETE => "DELETE",
        M::HEAD => "HEAD",
        M::OPTIONS => "OPTIONS",
        _ => "other",
    }
}

/// Middleware: counts and times every request by its route template.
pub async fn track(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let metrics = req
        .app_data::<web::Data<AppState>>()
        .map(|s| std::sync::Arc::clone(&s.metrics));
    let method = method_label(req.method());
    let started = std::time::Instant::now();
    let res = next.call(req).await?;
    if let Some(m) = metrics {
        // The template actix matched; requests that matched no route share
        // one label, so a made-up path cannot add a series.
        let route = res
            .request()
            .match_pattern()
            .filter(|p| !p.is_empty())
            .unwrap_or_else(|| "unmatched".to_owned());
        m.observe(
            method,
            &route,
            res.status().as_str(),
            started.elapsed().as_secs_f64(),
        );
    }
    Ok(res)
}

/// May this request read the metrics?
fn allowed(req: &HttpRequest, settings: &Settings) -> bool {
    if let Some(token) = &settings.metrics_token {
        let given = req
            .headers()
            .get(actix_web::http::header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "));
        // Compared as digests, so the time taken says nothing about how
        // much of a guess was right.
        if given
            .is_some_and(|g| Sha256::digest(g.trim().as_bytes()) == Sha256::digest(token.expose()))
        {
            return true;
        }
    }
    allowed_address(req, &settings.trusted_proxies, &settings.metrics_allow)
}

fn allowed_address(req: &HttpRequest, trusted: &NetList, allow: &NetList) -> bool {
    client_addr::of_request(req, trusted)
        .ip
        .is_some_and(|ip| allow.contains(ip))
}

pub async fn scrape(req: HttpRequest, state: web::Data<AppState>) -> HttpResponse {
    if !allowed(&req, &state.settings) {
        return HttpResponse::NotFound().finish();
    }
    match state.metrics.render(&state.db, Utc::now()).await {
        Ok(text) => HttpResponse::Ok()
            .content_type("text/plain; version=0.0.4; charset=utf-8")
            .insert_header((actix_web::http::header::CACHE_CONTROL, "no-store"))
            .body(text),
        Err(e) => {
            tracing::warn!(error = %e, "metrics could not be read");
            HttpResponse::ServiceUnavailable().finish()
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    #[test]
    fn made_up_methods_share_one_label() {
        let m = actix_web::http::Method::from_bytes(b"BREW").unwrap();
        assert_eq!(method_label(&m), "other");
        assert_eq!(method_label(&actix_web::http::Method::GET), "GET");
    }
}
