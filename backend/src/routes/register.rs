//! Registering the API from the declarations in `shared::endpoints`: each
//! endpoint's route, method and guard for actix, and its OpenAPI operation
//! (path, method, operation id) for the document, from the one declaration.
//! The handler's `#[utoipa::path]` adds only the words: responses, params
//! and descriptions.

use crate::caller::Caller;
use crate::error::ApiError;
use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::middleware::{from_fn, Next};
use actix_web::{guard, web, FromRequest, Handler, HttpMessage, Responder};
use shared::endpoints::{Endpoint, Guard, Meta, Method, Raw};
use shared::people::Role;
use utoipa::openapi::path::{HttpMethod, Operation};
use utoipa::openapi::{RefOr, Schema};

/// Somewhere endpoints are added: the server, or the OpenAPI document.
pub trait Register {
    /// Adds endpoint `E`, answered by `handler`, documented by `P` (the
    /// `__path_…` type `#[utoipa::path]` writes beside the handler).
    fn add<E, P, F, Args>(&mut self, handler: F)
    where
        E: Endpoint,
        P: utoipa::Path + utoipa::__dev::SchemaReferences,
        F: Handler<Args>,
        Args: FromRequest + 'static,
        F::Output: Responder + 'static;
}

/// The server's routes under `/api`.
pub struct Routes<'a>(pub &'a mut web::ServiceConfig);

impl Register for Routes<'_> {
    fn add<E, P, F, Args>(&mut self, handler: F)
    where
        E: Endpoint,
        P: utoipa::Path + utoipa::__dev::SchemaReferences,
        F: Handler<Args>,
        Args: FromRequest + 'static,
        F::Output: Responder + 'static,
    {
        let meta = E::META;
        self.0.service(
            web::resource(meta.path_in_api())
                .guard(method_guard(meta.method))
                .wrap(from_fn(move |req, next| enforce(meta.guard, req, next)))
                .to(handler),
        );
    }
}

fn method_guard(method: Method) -> impl guard::Guard {
    match method {
        Method::Get => guard::Method(actix_web::http::Method::GET),
        Method::Post => guard::Method(actix_web::http::Method::POST),
        Method::Put => guard::Method(actix_web::http::Method::PUT),
        Method::Patch => guard::Method(actix_web::http::Method::PATCH),
        Method::Delete => guard::Method(actix_web::http::Method::DELETE),
    }
}

/// The declared guard, before the handler runs: signed in (401 if not),
/// and the role or ability it names (404 if not, so an endpoint's existence
/// tells nothing to those who may not use it). The caller found here is
/// kept for the handler's own `Caller`, so the session is read once.
/// `Record` guards are decided by the handler, which has the record.
/// Then the edge check on what was sent (`clean_input`), after the guard so
/// that it tells nothing to those who may not call the endpoint.
async fn enforce(
    guard: Guard,
    mut req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    if guard != Guard::Public {
        let caller = req.extract::<Caller>().await?;
        let allowed = match guard {
            Guard::Public | Guard::SignedIn | Guard::Record(_) => true,
            Guard::YoungPersonSelf => caller.role == Role::YoungPerson,
            Guard::Ability(ability) => shared::access::can(caller.role, ability),
        };
        if !allowed {
            return Err(ApiError::NotFound.into());
        }
        req.extensions_mut().insert(caller);
    }
    crate::clean_input::check(&mut req).await?;
    next.call(req).await
}

/// The OpenAPI document's paths and schemas, and any way a handler's words
/// disagree with its declaration (a test keeps that list empty).
#[derive(Default)]
pub struct Document {
    pub paths: utoipa::openapi::path::Paths,
    pub schemas: Vec<(String, RefOr<Schema>)>,
    pub served: Vec<Meta>,
    pub disagreements: Vec<String>,
}

impl Register for Document {
    fn add<E, P, F, Args>(&mut self, _handler: F)
    where
        E: Endpoint,
        P: utoipa::Path + utoipa::__dev::SchemaReferences,
        F: Handler<Args>,
        Args: FromRequest + 'static,
        F::Output: Responder + 'static,
    {
        let meta = E::META;
        let method = http_method(meta.method);
        if P::methods() != [method.clone()] || P::path() != meta.path {
            self.disagreements.push(format!(
                "{}: the handler's #[utoipa::path] names another method or path",
                meta.id
            ));
        }
        let mut operation: Operation = P::operation();
        operation.operation_id = Some(meta.id.to_owned());
        self.check_types::<E>(&operation);
        self.paths
            .add_path_operation(meta.path, vec![method], operation);
        P::schemas(&mut self.schemas);
        self.served.push(meta);
    }
}

impl Document {
    /// The declared request and response types are the ones the handler's
    /// words document (by schema name).
    fn check_types<E: Endpoint>(&mut self, operation: &Operation) {
        let (request, response) = match serde_json::to_value(operation) {
            Ok(v) => (v["requestBody"].to_string(), success_response(&v)),
            Err(e) => {
                self.disagreements.push(format!("{}: {e}", E::META.id));
                return;
            }
        };
        let checks = [
            ("request", type_names::<E::Request>(), request),
            ("response", type_names::<E::Response>(), response),
        ];
        for (what, names, documented) in checks {
            for name in names {
                let reference = format!("#/components/schemas/{name}\"");
                if !documented.contains(&reference) {
                    self.disagreements.push(format!(
                        "{}: the declared {what} type {name} is not the documented one ({documented})",
                        E::META.id
                    ));
                }
            }
        }
    }
}

/// The first 2xx response, as JSON text.
fn success_response(operation: &serde_json::Value) -> String {
    operation["responses"]
        .as_object()
        .and_then(|r| r.iter().find(|(status, _)| status.starts_with('2')))
        .map(|(_, r)| r.to_string())
        .unwrap_or_default()
}

/// The schema names a type is documented by: `Vec<shared::a::B>` and
/// `Option<shared::a::B>` -> `B`; `()`, [`Raw`] and JSON values -> none.
fn type_names<T: 'static>() -> Vec<String> {
    let full = std::any::type_name::<T>();
    if full == std::any::type_name::<()>() || full == std::any::type_name::<Raw>() {
        return Vec::new();
    }
    let inner = full
        .rsplit('<')
        .next()
        .unwrap_or(full)
        .trim_end_matches('>');
    let name = inner.rsplit("::").next().unwrap_or(inner);
    if matches!(name, "String" | "bool" | "i32" | "i64" | "u64" | "Value") {
        return Vec::new();
    }
    vec![name.to_owned()]
}

fn http_method(method: Method) -> HttpMethod {
    match method {
        Method::Get => HttpMethod::Get,
        Method::Post => HttpMethod::Post,
        Method::Put => HttpMethod::Put,
        Method::Patch => HttpMethod::Patch,
        Method::Delete => HttpMethod::Delete,
    }
}
