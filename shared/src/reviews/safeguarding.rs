//! When words suggest a young person may be at risk: the support message
//! they see, office hours (who is alerted), and the alerts staff track.

use chrono::{DateTime, Datelike, NaiveDateTime, Timelike, Utc, Weekday};
use serde::{Deserialize, Serialize};

use super::limits::{CHILDLINE_PHONE, OFFICE_CLOSES_MINUTE, OFFICE_OPENS_MINUTE};

/// Whether a local time (the council's zone) is out of office hours:
/// evenings, nights, weekends and bank holidays. The duty team answers then.
pub fn out_of_hours(local: NaiveDateTime) -> bool {
    let date = local.date();
    let minute = local.hour() * 60 + local.minute();
    matches!(date.weekday(), Weekday::Sat | Weekday::Sun)
        || crate::bank_holidays::is_bank_holiday(date)
        || !(OFFICE_OPENS_MINUTE..OFFICE_CLOSES_MINUTE).contains(&minute)
}

/// What a young person sees when their words suggest they may be at risk.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SupportMessage {
    /// [`crate::text_checks::kind_message_for_harm`].
    pub message: String,
    pub childline_phone: String,
    /// The council's duty desk, day or night.
    pub duty_phone: String,
}

impl SupportMessage {
    pub fn new(duty_phone: &str) -> SupportMessage {
        SupportMessage {
            message: format!(
                "{} You can also call the duty desk on {duty_phone}.",
                crate::text_checks::kind_message_for_harm()
            ),
            childline_phone: CHILDLINE_PHONE.to_owned(),
            duty_phone: duty_phone.to_owned(),
        }
    }
}

/// Who was alerted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum AlertRoute {
    /// The young person's social worker (else personal adviser), in hours.
    NamedWorker,
    /// Out of hours, or no named worker: the council's duty team.
    DutyTeam,
}

impl AlertRoute {
    pub fn as_str(self) -> &'static str {
        match self {
            AlertRoute::NamedWorker => "named_worker",
            AlertRoute::DutyTeam => "duty_team",
        }
    }
    pub fn parse(s: &str) -> Option<AlertRoute> {
        [AlertRoute::NamedWorker, AlertRoute::DutyTeam]
            .into_iter()
            .find(|r| r.as_str() == s)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AlertResponseView {
    pub response: String,
    pub by: String,
    pub at: DateTime<Utc>,
}

/// A safeguarding alert: tracked until someone records a response.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AlertView {
    pub id: String,
    pub young_person_id: String,
    pub young_person_name: String,
    pub raised_at: DateTime<Utc>,
    /// `feedback` or `review_request`.
    pub source: String,
    /// The words that raised it, as the young person wrote them.
    pub phrases: Vec<String>,
    /// What the young person wrote around them.
    pub excerpt: String,
    pub routed_to: AlertRoute,
    /// The people alerted at once.
    pub alerted: Vec<String>,
    pub response: Option<AlertResponseView>,
}

/// `POST /api/safeguarding-alerts/response`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AlertResponse {
    pub alert_id: String,
    /// What was done: "Called Leo's carer; visited today; Leo is safe."
    pub response: String,
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;
    use crate::reviews::fixtures::*;

    #[test]
    fn office_hours_are_weekdays_nine_to_five_except_bank_holidays() {
        let at = |y, m, day, h, min| d(y, m, day).and_hms_opt(h, min, 0).unwrap();
        assert!(!out_of_hours(at(2026, 11, 23, 9, 0))); // Monday
        assert!(!out_of_hours(at(2026, 11, 23, 16, 59)));
        assert!(out_of_hours(at(2026, 11, 23, 17, 0)));
        assert!(out_of_hours(at(2026, 11, 23, 8, 59)));
        assert!(out_of_hours(at(2026, 11, 22, 12, 0))); // Sunday
        assert!(out_of_hours(at(2026, 12, 25, 12, 0))); // Christmas, Friday
    }

    #[test]
    fn the_support_message_names_childline_and_the_duty_desk() {
        let m = SupportMessage::new("020 8303 7777");
        assert!(m.message.contains("Childline") && m.message.contains("0800 1111"));
        assert!(m.message.contains("020 8303 7777"));
    }
}
