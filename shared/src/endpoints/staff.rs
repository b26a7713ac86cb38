//! Staff accounts, for administrators.

use super::prelude::*;

endpoints! {
    /// Every member of staff of my council
    ListStaff: GET "/api/staff" () -> Vec<crate::accounts::StaffView>, Ability(Ability::ManageStaff);
    /// Created; hand over this one-time code
    CreateStaff: POST "/api/staff" () body crate::accounts::NewStaff, -> crate::accounts::ActivationCode, Ability(Ability::ManageStaff);
    /// Updated; disabling ends every session at once
    Update: PATCH "/api/staff/{id}" (id) body crate::accounts::StaffUpdate, -> crate::accounts::StaffView, Ability(Ability::ManageStaff);
    /// A new one-time code to set a password
    NewStaffCode: POST "/api/staff/{id}/code" (id) -> crate::accounts::ActivationCode, Ability(Ability::ManageStaff);
}
