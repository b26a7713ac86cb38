//! Structured logs. Each request gets a span with a request id
//! (tracing-actix-web); in JSON every line written inside a request carries
//! that span's fields (`span.request_id`). Secrets never reach a log (see
//! `secrets::Secret`), nor do names, tokens or what people wrote:
//! `scripts/check-logs.sh` looks for them in the browser tests' logs.

use tracing_subscriber::fmt::MakeWriter;
use tracing_subscriber::{fmt, EnvFilter};

pub fn init(json: bool) {
    let filter = EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn,sea_orm=warn"));
    // A second init (tests) is harmless: keep the first subscriber.
    let _ = if json {
        tracing::subscriber::set_global_default(json_subscriber(filter, std::io::stdout))
            .map_err(|e| e.to_string())
    } else {
        fmt()
            .with_env_filter(filter)
            .with_target(false)
            .try_init()
            .map_err(|e| e.to_string())
    };
}

/// JSON lines; each line written inside a request carries the request
/// span's fields (`span.request_id`), not the list of every span above it.
fn json_subscriber<W>(filter: EnvFilter, writer: W) -> impl tracing::Subscriber + Send + Sync
where
    W: for<'a> MakeWriter<'a> + Send + Sync + 'static,
{
    fmt()
        .with_env_filter(filter)
        .with_target(false)
        .with_writer(writer)
        .json()
        .with_current_span(true)
        .with_span_list(false)
        .finish()
}

/// The request span of tracing-actix-web (request id, method, route,
/// path, status), with no query string, and the client address by this
/// server's own rules
/// ([`crate::client_addr`]): the default reads `X-Forwarded-For` from
/// anyone, so a log would show whatever a client claimed to be.
pub struct RootSpan;

impl tracing_actix_web::RootSpanBuilder for RootSpan {
    fn on_request_start(request: &actix_web::dev::ServiceRequest) -> tracing::Span {
        let span = tracing_actix_web::root_span!(level = tracing_actix_web::Level::INFO, request);
        let trusted = request
            .app_data::<actix_web::web::Data<crate::state::AppState>>()
            .map(|s| s.settings.trusted_proxies.clone())
            .unwrap_or_default();
        let client = crate::client_addr::of_request(request.request(), &trusted);
        // The path without its query: a query can hold what someone typed
        // (the offer's search).
        span.record("http.target", request.path());
        span.record(
            "http.client_ip",
            tracing::field::display(client.ip.map(|ip| ip.to_string()).unwrap_or_default()),
        );
        span
    }

    /// Status and, for a failure, the error's code only: its words can
    /// quote what was sent (a JSON error names the value it could not read).
    fn on_request_end<B: actix_web::body::MessageBody>(
        span: tracing::Span,
        outcome: &Result<actix_web::dev::ServiceResponse<B>, actix_web::Error>,
    ) {
        let (status, error) = match outcome {
            Ok(res) => (res.status(), res.response().error()),
            Err(e) => (e.as_response_error().status_code(), Some(e)),
        };
        span.record("http.status_code", i32::from(status.as_u16()));
        span.record(
            "otel.status_code",
            if status.is_server_error() {
                "ERROR"
            } else {
                "OK"
            },
        );
        let Some(error) = error else {
            // One line per request, for following a request id through the
            // log; the route and path are in the span (ids, never names).
            tracing::info!(status = status.as_u16(), "request answered");
            return;
        };
        let code = error
            .as_error::<crate::error::ApiError>()
            .map_or("other", crate::error::ApiError::code);
        span.record("exception.message", code);
        if status.is_server_error() {
            tracing::error!(status = status.as_u16(), error = code, "request failed");
        } else {
            tracing::warn!(status = status.as_u16(), error = code, "request refused");
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;
    use actix_web::{test, web, App, HttpResponse};
    use std::sync::{Arc, Mutex};

    /// Collects what the subscriber writes.
    #[derive(Clone, Default)]
    struct Captured(Arc<Mutex<Vec<u8>>>);

    impl std::io::Write for Captured {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            self.0.lock().unwrap().extend_from_slice(buf);
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    impl<'a> MakeWriter<'a> for Captured {
        type Writer = Captured;
        fn make_writer(&'a self) -> Captured {
            self.clone()
        }
    }

    #[actix_web::test]
    async fn every_json_line_inside_a_request_has_its_request_id() {
        let out = Captured::default();
        let _guard =
            tracing::subscriber::set_default(json_subscriber(EnvFilter::new("info"), out.clone()));
        let app = test::init_service(
            App::new()
                .wrap(tracing_actix_web::TracingLogger::<RootSpan>::new())
                .route(
                    "/things/{id}",
                    web::get().to(|| async {
                        tracing::info!("working on it");
                        HttpResponse::Ok().finish()
                    }),
                )
                .route(
                    "/refused",
                    web::get().to(|| async {
                        Err::<HttpResponse, _>(crate::error::ApiError::bad_request(
                            "could not read \"Mia's secret\"",
                        ))
                    }),
                ),
        )
        .await;
        for path in ["/things/1?q=Mia", "/refused"] {
            let req = test::TestRequest::get()
                .uri(path)
                .insert_header(("X-Forwarded-For", "203.0.113.7"))
                .peer_addr("192.0.2.1:4000".parse().unwrap())
                .to_request();
            test::call_service(&app, req).await;
        }
        let text = String::from_utf8(out.0.lock().unwrap().clone()).unwrap();
        let lines: Vec<serde_json::Value> = text
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        let inside = lines
            .iter()
            .find(|l| l["fields"]["message"] == "working on it")
            .expect("the handler's line");
        let answered = lines
            .iter()
            .find(|l| l["fields"]["message"] == "request answered")
            .expect("the request's own line");
        assert_eq!(answered["fields"]["status"], 200);
        assert_eq!(answered["span"]["request_id"], inside["span"]["request_id"]);
        let id = inside["span"]["request_id"].as_str().unwrap_or_default();
        assert_eq!(id.len(), 36, "{inside}");
        assert_eq!(inside["span"]["http.route"], "/things/{id}");
        assert_eq!(inside["span"]["http.target"], "/things/1");
        // Not the address the client claimed: it is not a trusted proxy.
        assert_eq!(inside["span"]["http.client_ip"], "192.0.2.1");
        let refused = lines
            .iter()
            .find(|l| l["fields"]["message"] == "request refused")
            .expect("the refusal's line");
        assert_eq!(refused["fields"]["error"], "bad_request");
        assert_eq!(
            refused["span"]["request_id"]
                .as_str()
                .unwrap_or_default()
                .len(),
            36
        );
        assert_ne!(refused["span"]["request_id"], inside["span"]["request_id"]);
        // What the error said (which may quote what was sent) is not logged.
        assert!(!text.contains("Mia"), "{text}");
    }
}
