//! Serves the built PWA from `dist/`, with the app's own routes falling back
//! to `index.html` so a deep link or a refresh opens the right page.

use actix_files::{Files, NamedFile};
use actix_web::dev::{fn_service, ServiceRequest, ServiceResponse};
use actix_web::http::header::{CacheControl, CacheDirective};
use actix_web::{web, HttpResponse};
use std::path::{Path, PathBuf};

pub fn configure(cfg: &mut web::ServiceConfig, public_dir: &Path) {
    let index = public_dir.join("index.html");
    let files = Files::new("/", public_dir)
        .index_file("index.html")
        .use_etag(true)
        .default_handler(fn_service(move |req: ServiceRequest| {
            let index = index.clone();
            async move { Ok(fallback(req, index).await) }
        }));
    cfg.service(files);
}

/// Paths that look like files (have an extension) are real 404s; anything
/// else is a page of the app.
async fn fallback(req: ServiceRequest, index: PathBuf) -> ServiceResponse {
    let (req, _) = req.into_parts();
    let looks_like_file = req
        .path()
        .rsplit('/')
        .next()
        .is_some_and(|last| last.contains('.'));
    if looks_like_file {
        return ServiceResponse::new(req, HttpResponse::NotFound().finish());
    }
    match NamedFile::open_async(&index).await {
        Ok(file) => {
            let mut res = file.into_response(&req);
            res.headers_mut().insert(
                actix_web::http::header::CACHE_CONTROL,
                CacheControl(vec![CacheDirective::NoCache])
                    .to_string()
                    .parse()
                    .unwrap_or(actix_web::http::header::HeaderValue::from_static(
                        "no-cache",
                    )),
            );
            ServiceResponse::new(req, res)
        }
        Err(_) => ServiceResponse::new(
            req,
            HttpResponse::ServiceUnavailable()
                .content_type("text/plain; charset=utf-8")
                .body("The app has not been built yet. Run the README's first command."),
        ),
    }
}
