//! The OpenAPI 3.1 document, generated from the handlers' annotations.

use shared::endpoints::openapi as ep;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Good for Me API",
        description = "For children in care, care leavers and the council staff around them."
    ),
    modifiers(&BearerAuth),
    components(schemas(shared::api::ErrorBody))
)]
pub struct ApiDoc;

/// Declares the bearer-token scheme that protected operations name.
struct BearerAuth;

impl Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .bearer_format("JWT")
                    .build(),
            ),
        );
    }
}

/// This document: every endpoint, its request and response schemas, its auth.
#[utoipa::path(
    get,
    path = ep::OpenApiDocument::PATH,
    tag = "service",
    responses((status = 200, description = "The OpenAPI 3.1 document", content_type = "application/json"))
)]
pub async fn document(
    state: actix_web::web::Data<crate::state::AppState>,
) -> actix_web::HttpResponse {
    actix_web::HttpResponse::Ok().json(state.openapi.as_ref())
}
