//! Security headers on every response (security.md, "Headers").

use actix_web::middleware::DefaultHeaders;

/// No inline scripts, no eval (only WebAssembly compilation), no framing.
pub const CSP: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; worker-src 'self'; form-action 'self'";

pub fn security() -> DefaultHeaders {
    DefaultHeaders::new()
        .add(("Content-Security-Policy", CSP))
        .add(("X-Content-Type-Options", "nosniff"))
        .add(("Referrer-Policy", "no-referrer"))
        .add((
            "Strict-Transport-Security",
            "max-age=63072000; includeSubDomains",
        ))
        .add(("X-Frame-Options", "DENY"))
        .add(("Cross-Origin-Opener-Policy", "same-origin"))
        // The Children's code: no location, camera or microphone.
        .add((
            "Permissions-Policy",
            "geolocation=(), camera=(), microphone=(), interest-cohort=()",
        ))
}

/// API answers hold personal data: nothing may keep a copy.
pub fn no_store() -> DefaultHeaders {
    DefaultHeaders::new()
        .add(("Cache-Control", "no-store"))
        .add(("Pragma", "no-cache"))
}
