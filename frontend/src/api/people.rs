//! Staff: young people's records and accounts, and staff accounts.

use super::{call, ApiError};
use shared::accounts::{
    ActivationCode, AllocationView, BreakGlassRequest, NewAllocation, NewStaff, NewYoungPerson,
    NewYoungPersonAccount, StaffUpdate, StaffView, YoungPersonView,
};
use shared::endpoints as ep;

/// A new young person's record.
pub async fn create_person(new: &NewYoungPerson) -> Result<YoungPersonView, ApiError> {
    call(ep::people::CreatePerson::url(), new).await
}

/// A new worker of one kind; the one before is ended.
pub async fn reallocate(id: &str, new: &NewAllocation) -> Result<AllocationView, ApiError> {
    call(ep::people::Reallocate::url(id), new).await
}

/// An account for a young person, with a one-time code to hand over.
pub async fn create_account(id: &str, username: &str) -> Result<ActivationCode, ApiError> {
    call(
        ep::people::CreateAccount::url(id),
        &NewYoungPersonAccount {
            username: username.trim().to_string(),
        },
    )
    .await
}

/// A new one-time code for a young person.
pub async fn new_person_code(id: &str) -> Result<ActivationCode, ApiError> {
    call(ep::people::NewPersonCode::url(id), &()).await
}

/// Open a record for an hour in an emergency, with the reason.
pub async fn break_glass(id: &str, reason: &str) -> Result<(), ApiError> {
    call(
        ep::people::BreakGlass::url(id),
        &BreakGlassRequest {
            reason: reason.trim().to_string(),
        },
    )
    .await
}

/// A new member of staff, with a one-time code.
pub async fn create_staff(new: &NewStaff) -> Result<ActivationCode, ApiError> {
    call(ep::staff::CreateStaff::url(), new).await
}

/// Disable (or enable again) a member of staff.
pub async fn set_staff_disabled(id: &str, disabled: bool) -> Result<StaffView, ApiError> {
    call(ep::staff::Update::url(id), &StaffUpdate { disabled }).await
}

/// A new one-time code for a member of staff.
pub async fn new_staff_code(id: &str) -> Result<ActivationCode, ApiError> {
    call(ep::staff::NewStaffCode::url(id), &()).await
}
