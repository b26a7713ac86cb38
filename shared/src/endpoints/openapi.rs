//! The OpenAPI document of this API.

use super::prelude::*;

endpoints! {
    /// The OpenAPI 3.1 document
    OpenApiDocument: GET "/api/openapi.json" () -> super::Raw, Public;
}
