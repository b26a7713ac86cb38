//! Is the service up (for load balancers and monitoring).

use super::prelude::*;

endpoints! {
    /// The database answered
    Health: GET "/api/health" () -> crate::api::Health, Public;
    /// The process answers (no database: for a liveness probe)
    Live: GET "/api/health/live" () -> crate::api::Liveness, Public;
    /// Ready for traffic: database, migrations, background worker
    Ready: GET "/api/health/ready" () -> crate::api::Readiness, Public;
}
