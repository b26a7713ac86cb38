//! Serves the built PWA from `dist/`, with the app's own routes falling back
//! to `index.html` so a deep link or a refresh opens the right page.
//!
//! Caching (see [`cache_rule`]): files with a content hash in their name
//! never change, so browsers keep them for a year; everything else (the
//! page, the service worker, the manifest, the icons) is checked with the
//! server on every use, so a new version is never hidden behind an old one.
//!
//! Compression: `scripts/build-frontend.sh` writes `<file>.gz` (gzip -9,
//! and `<file>.br` when a brotli tool is there) beside each text file of the
//! build, and a client that accepts it gets that file as it is (see
//! [`precompressed`]), so the server does not squeeze the same WASM again
//! on every request. Anything without one is compressed on the fly.

use actix_files::{Files, NamedFile};
use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{fn_service, ServiceRequest, ServiceResponse};
use actix_web::http::header::{
    self, AcceptEncoding, CacheControl, CacheDirective, ContentEncoding, Encoding, Header,
    HeaderValue,
};
use actix_web::http::Method;
use actix_web::middleware::{from_fn, Compress, Next};
use actix_web::{web, HttpRequest, HttpResponse};
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
    let dir = web::Data::new(PublicDir(public_dir.to_path_buf()));
    // Gzip for the app's files only (a phone on slow data gets the WASM in
    // under half the bytes). Not for the API: its answers mix personal
    // data with what a caller sent, which compression can leak (BREACH).
    // Images other than SVG are left as they are (Compress skips them, and
    // it leaves alone what `precompressed` already encoded).
    cfg.service(
        web::scope("")
            .app_data(dir)
            .wrap(from_fn(precompressed))
            .wrap(from_fn(cache_headers))
            .wrap(Compress::default())
            .service(files),
    );
}

/// Where the built app is, for [`precompressed`].
struct PublicDir(PathBuf);

/// The encodings written beside the build files, best first.
const PRECOMPRESSED: [(ContentEncoding, &str); 2] = [
    (ContentEncoding::Brotli, "br"),
    (ContentEncoding::Gzip, "gz"),
];

/// The file of the build a request names, if it is a plain one: only the
/// characters build files use, no hidden or parent segments (anything else
/// is left to `Files`, which has its own checks). `/` is `index.html`.
fn build_file(public_dir: &Path, path: &str) -> Option<PathBuf> {
    let rel = path.strip_prefix('/')?;
    let mut file = public_dir.to_path_buf();
    let mut segments = rel.split('/').peekable();
    while let Some(segment) = segments.next() {
        if segment.is_empty() && segments.peek().is_none() {
            file.push("index.html");
            break;
        }
        let plain = !segment.is_empty()
            && !segment.starts_with('.')
            && segment
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'_'));
        if !plain {
            return None;
        }
        file.push(segment);
    }
    file.is_file().then_some(file)
}

/// `file` as the client would best take it: the precompressed copy
/// (`file.br`, `file.gz`) its Accept-Encoding allows, with the original's
/// content type. `None`: send the original (no copy, or the client wants
/// none). The flag says whether a copy exists, so the answer varies by
/// Accept-Encoding either way.
fn open_precompressed(req: &HttpRequest, file: &Path) -> (Option<NamedFile>, bool) {
    let copies: Vec<(ContentEncoding, PathBuf)> = PRECOMPRESSED
        .iter()
        .filter_map(|(encoding, ext)| {
            let mut name = file.file_name()?.to_os_string();
            name.push(".");
            name.push(ext);
            let copy = file.with_file_name(name);
            fresh_copy(file, &copy).then_some((*encoding, copy))
        })
        .collect();
    if copies.is_empty() {
        return (None, false);
    }
    let Ok(accept) = AcceptEncoding::parse(req) else {
        return (None, true);
    };
    let offered: Vec<Encoding> = copies
        .iter()
        .map(|(encoding, _)| Encoding::Known(*encoding))
        .chain([Encoding::identity()])
        .collect();
    let chosen = match accept.negotiate(offered.iter()) {
        Some(Encoding::Known(chosen)) => chosen,
        _ => return (None, true),
    };
    let Some((_, copy)) = copies.iter().find(|(encoding, _)| *encoding == chosen) else {
        return (None, true);
    };
    // The original says what the content is (type, and inline rather than
    // the download a `.gz` name would get).
    let Ok(original) = NamedFile::open(file) else {
        return (None, true);
    };
    let opened = NamedFile::open(copy).ok().map(|f| {
        f.set_content_type(original.content_type().clone())
            .set_content_disposition(original.content_disposition().clone())
            .set_content_encoding(chosen)
            .use_etag(true)
    });
    (opened, true)
}

/// A copy is used only when it is at least as new as its original, so an
/// original changed by hand after the build is never hidden by an old copy.
fn fresh_copy(file: &Path, copy: &Path) -> bool {
    let modified = |p: &Path| std::fs::metadata(p).and_then(|m| m.modified()).ok();
    match (modified(file), modified(copy)) {
        (Some(original), Some(copy)) => copy >= original,
        _ => false,
    }
}

fn vary_on_encoding(res: &mut HttpResponse<impl MessageBody>) {
    res.headers_mut()
        .append(header::VARY, HeaderValue::from_static("accept-encoding"));
}

/// Serves a build file's precompressed copy when the client takes it.
async fn precompressed(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    let file = match (req.method(), req.app_data::<web::Data<PublicDir>>()) {
        (&Method::GET | &Method::HEAD, Some(dir)) => build_file(&dir.0, req.path()),
        _ => None,
    };
    let Some(file) = file else {
        return Ok(next.call(req).await?.map_into_boxed_body());
    };
    match open_precompressed(req.request(), &file) {
        (Some(copy), _) => {
            let (http_req, _) = req.into_parts();
            let mut res = copy.into_response(&http_req);
            vary_on_encoding(&mut res);
            Ok(ServiceResponse::new(http_req, res))
        }
        (None, has_copy) => {
            let mut res = next.call(req).await?.map_into_boxed_body();
            if has_copy && !res.headers().contains_key(header::CONTENT_ENCODING) {
                vary_on_encoding(res.response_mut());
            }
            Ok(res)
        }
    }
}

/// How long a browser may keep a file of the app without asking again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CacheRule {
    /// Content-hashed build files (`frontend-0123456789abcdef_bg.wasm`).
    Immutable,
    /// The service worker: checked on every start (and it may control the
    /// whole origin, which the header says).
    ServiceWorker,
    /// Everything else: kept, but checked (ETag) before each use.
    Revalidate,
}

/// The rule for a path of the app.
pub fn cache_rule(path: &str) -> CacheRule {
    let name = path.rsplit('/').next().unwrap_or_default();
    if path == "/sw.js" {
        return CacheRule::ServiceWorker;
    }
    let stem = name.split('.').next().unwrap_or_default();
    let stem = stem.strip_suffix("_bg").unwrap_or(stem);
    let hashed = stem.rsplit_once('-').is_some_and(|(_, h)| is_build_hash(h));
    if hashed && name.contains('.') {
        CacheRule::Immutable
    } else {
        CacheRule::Revalidate
    }
}

/// Trunk names build files `name-<hash>.ext` with a 64-bit hash in hex,
/// without leading zeros (so usually 16 digits, now and then fewer).
fn is_build_hash(h: &str) -> bool {
    (10..=16).contains(&h.len()) && h.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

async fn cache_headers(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let rule = cache_rule(req.path());
    let manifest = req.path().ends_with(".webmanifest");
    let mut res = next.call(req).await?;
    let status = res.status();
    if !(status.is_success() || status == actix_web::http::StatusCode::NOT_MODIFIED) {
        return Ok(res);
    }
    let headers = res.headers_mut();
    let cache = match rule {
        CacheRule::Immutable => "public, max-age=31536000, immutable",
        CacheRule::ServiceWorker | CacheRule::Revalidate => "no-cache",
    };
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    if rule == CacheRule::ServiceWorker {
        headers.insert(
            header::HeaderName::from_static("service-worker-allowed"),
            HeaderValue::from_static("/"),
        );
    }
    if manifest {
        headers.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/manifest+json"),
        );
    }
    Ok(res)
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
    // Staff pages come from the staff app (a second build, so young people
    // never download staff screens), when it has been built.
    let staff_index = index
        .parent()
        .map(|dir| dir.join("staff-app").join("index.html"));
    let index = match staff_index {
        Some(staff) if is_staff_path(req.path()) && staff.is_file() => staff,
        _ => index,
    };
    let (copy, has_copy) = open_precompressed(&req, &index);
    let opened = match copy {
        Some(copy) => Ok(copy),
        None => NamedFile::open_async(&index).await,
    };
    match opened {
        Ok(file) => {
            let mut res = file.into_response(&req);
            if has_copy {
                vary_on_encoding(&mut res);
            }
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

/// The staff app's addresses; the app's `route::is_staff_path` agrees.
pub fn is_staff_path(path: &str) -> bool {
    ["/staff", "/admin"].iter().any(|p| {
        path == *p
            || path
                .strip_prefix(p)
                .is_some_and(|rest| rest.starts_with('/'))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn staff_addresses_are_the_staff_apps() {
        assert!(is_staff_path("/staff/people"));
        assert!(is_staff_path("/admin"));
        assert!(is_staff_path("/admin/offer/he-bursary"));
        assert!(!is_staff_path("/staffroom"));
        assert!(!is_staff_path("/my/plan"));
        assert!(!is_staff_path("/"));
    }

    #[test]
    fn hashed_build_files_are_kept_and_the_rest_is_checked() {
        for path in [
            "/frontend-ff7aa27ce6d2687c.js",
            "/frontend-ff7aa27ce6d2687c_bg.wasm",
            "/style-509503a8a78e681f.css",
            "/boot-c45aca8c7e95eb1b.js",
            "/icon-31cad36e8da3127b.svg",
            "/frontend-999fb7c1a5a1300_bg.wasm",
        ] {
            assert_eq!(cache_rule(path), CacheRule::Immutable, "{path}");
        }
        assert_eq!(cache_rule("/sw.js"), CacheRule::ServiceWorker);
        for path in [
            "/",
            "/index.html",
            "/manifest.webmanifest",
            "/icons/icon-192.png",
            "/my/offer",
            "/notes-0123456789abcdeg.js",
            "/style-509503a8.css",
            "/style-509503A8A78E681F.css",
            "/icons/sw.js",
        ] {
            assert_eq!(cache_rule(path), CacheRule::Revalidate, "{path}");
        }
    }
}
