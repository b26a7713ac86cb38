//! The home screens: the young person's and the staff member's.

use super::prelude::*;

endpoints! {
    /// What my home screen shows: my next review and whether my form is done, my people, what is new in my offer, my plan's latest change, how many notifications I have not read
    MyHome: GET "/api/me/home" () -> crate::home::MyHome, YoungPersonSelf;
    /// What waits for me, as counts: my young people, views to answer, reviews overdue and due soon, offer requests, plan questions, open safeguarding alerts, the moderation queue. A part is absent when my role has no such list; each count matches its list
    StaffHome: GET "/api/staff/home" () -> crate::home::StaffHome, Ability(Ability::SeeStaffHome);
}
