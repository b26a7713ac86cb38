//! Structured logs. Each request gets a span with a request id
//! (tracing-actix-web); in JSON every line written inside a request carries
//! that span's fields (`span.request_id`). Secrets never reach a log (see
//! `secrets::Secret`), nor do names, tokens or what people wrote:
//! `scripts/check-logs.sh` looks for them in the browser tests' logs.

use tracing_subscriber::{fmt, EnvFilter};

pub fn init(json: bool) {
    let filter = EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn,sea_orm=warn"));
    let builder = fmt().with_env_filter(filter).with_target(false);
    // A second init (tests) is harmless: keep the first subscriber.
    let _ = if json {
        builder
            .json()
            .with_current_span(true)
            .with_span_list(false)
            .try_init()
    } else {
        builder.try_init()
    };
}
