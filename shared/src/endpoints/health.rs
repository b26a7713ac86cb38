//! Is the service up (for load balancers and monitoring).

use super::prelude::*;

endpoints! {
    /// The database answered
    Health: GET "/api/health" () -> crate::api::Health, Public;
}
