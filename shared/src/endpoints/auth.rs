//! Signing in, refreshing a session, signing out, activating an account.

use super::prelude::*;

endpoints! {
    /// Signed in
    Login: POST "/api/auth/login" () body crate::accounts::LoginRequest, -> crate::accounts::TokenResponse, Public;
    /// A new access token and a new refresh token. The browser app may send `{}` and rely on the HttpOnly refresh cookie instead
    Refresh: POST "/api/auth/refresh" () body crate::accounts::RefreshRequest, -> crate::accounts::TokenResponse, Public;
    /// Signed out: the session has ended
    Logout: POST "/api/auth/logout" () -> (), SignedIn;
    /// Password set; signed in
    Activate: POST "/api/auth/activate" () body crate::accounts::ActivateRequest, -> crate::accounts::TokenResponse, Public;
}

/// Where the sign-in endpoints live: the path the refresh cookie is sent to.
pub const AUTH_PREFIX: &str = "/api/auth";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_refresh_cookie_reaches_every_sign_in_endpoint() {
        for meta in ALL {
            assert!(meta.path.starts_with(AUTH_PREFIX), "{}", meta.path);
        }
    }
}
