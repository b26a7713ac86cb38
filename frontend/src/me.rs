//! Who is signed in: asked of the server after sign-in or activation, and
//! on start, and put in the app state. Its own module so that neither the
//! root component nor the sign-in pages go through each other for it.

use crate::api::{self, ApiError};
use crate::state::{Action, AppContext};

/// After sign-in or activation: who is it? Signs the app in, or explains.
pub async fn load_me(state: &AppContext) -> Result<(), ApiError> {
    let me = api::me().await?;
    state.dispatch(Action::SignedIn(me));
    Ok(())
}
