//! Web push: the server's public key, subscriptions, preferences, and marking notifications read.

use super::prelude::*;

endpoints! {
    /// The key a browser subscribes with (applicationServerKey)
    VapidPublicKey: GET "/api/push/vapid-public-key" () -> crate::push::VapidPublicKey, Public;
    /// My devices that get pushes
    ListSubscriptions: GET "/api/me/push-subscriptions" () -> Vec<crate::push::PushSubscriptionView>, SignedIn;
    /// This device now gets pushes
    Subscribe: POST "/api/me/push-subscriptions" () body crate::push::NewPushSubscription, -> crate::push::PushSubscriptionView, SignedIn;
    /// That device gets no more pushes
    Unsubscribe: DELETE "/api/me/push-subscriptions/{id}" (id) -> (), SignedIn;
    /// What I get pushed, and my quiet hours
    Preferences: GET "/api/me/notification-preferences" () -> crate::push::NotificationPreferences, SignedIn;
    /// Saved; the choices as they are now
    UpdatePreferences: PUT "/api/me/notification-preferences" () body crate::push::UpdatePreferences, -> crate::push::NotificationPreferences, SignedIn;
    /// Marked as read
    MarkRead: POST "/api/me/notifications/{id}/read" (id) -> (), SignedIn;
    /// Every notification of mine is marked as read
    MarkAllRead: POST "/api/me/notifications/read-all" () -> (), SignedIn;
    /// Deleted: gone from my list for good
    DeleteNotification: DELETE "/api/me/notifications/{id}" (id) -> (), SignedIn;
}
