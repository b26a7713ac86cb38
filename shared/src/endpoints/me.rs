//! The signed-in person: who I am, password, language, sessions, notifications, who looked at my records.

use super::prelude::*;

endpoints! {
    /// Who is signed in
    Me: GET "/api/me" () -> crate::accounts::Me, SignedIn;
    /// Changed; every other session has ended
    ChangePassword: POST "/api/me/password" () body crate::accounts::ChangePasswordRequest, -> (), SignedIn;
    /// Kept: the app speaks this language on every device I sign in on
    SetLanguage: PUT "/api/me/language" () body crate::language::LanguageChoice, -> crate::language::LanguageChoice, SignedIn;
    /// My signed-in devices
    ListSessions: GET "/api/me/sessions" () -> Vec<crate::accounts::SessionInfo>, SignedIn;
    /// That device is signed out
    EndSession: DELETE "/api/me/sessions/{id}" (id) -> (), SignedIn;
    /// Who has looked at my records, newest first, in plain words
    RecordViews: GET "/api/me/record-views" () -> Vec<crate::accounts::AccessEntry>, YoungPersonSelf;
    /// My notifications, newest first
    ListNotifications: GET "/api/me/notifications" () -> Vec<crate::push::NotificationView>, SignedIn;
}
