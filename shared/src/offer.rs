//! The local offer as the API carries it: the council's whole offer (public),
//! one young person's offer ("My offer", "coming up", "not claimed yet"),
//! their circumstances, their requests ("Ask about this"), and the
//! administrator's edits with their history.
//!
//! Who an entitlement is for, and how much it gives, are the pure rules of
//! [`crate::eligibility`]; this module adds the bodies around them and the
//! pure helpers both sides need (the facts the rules read, search, the
//! "updated" mark), so the app can give the same answer offline.

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::access::Relationship;
use crate::care_status::{care_summary, CareEpisode};
use crate::eligibility::{
    age_on, AmountIs, Entitlement, Money, MyOfferItem, OfferArea, Payment, PersonFacts, Rule,
};
use crate::people::CareLeaverCategory;

/// An entitlement changed by an administrator within this many days shows
/// as "updated" to young people. Chosen over "since you last looked" so that
/// reading the offer writes nothing, and the mark means the same to everyone
/// (and on the public page).
pub const UPDATED_WITHIN_DAYS: i64 = 30;

// The limits live in `limits`; these names stay for the code that uses them.
pub use crate::limits::{
    OFFER_DETAIL_MAX as DETAIL_MAX, OFFER_ID_MAX as ID_MAX, OFFER_MESSAGE_MAX as MESSAGE_MAX,
    OFFER_SEARCH_MAX as SEARCH_MAX, OFFER_SUMMARY_MAX as SUMMARY_MAX, OFFER_TEXT_MAX as TEXT_MAX,
    OFFER_TITLE_MAX as TITLE_MAX,
};

// ---------------------------------------------------------------------------
// The whole offer, as anyone may read it
// ---------------------------------------------------------------------------

/// One of the council's own published sections, such as "Your home".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OfferSection {
    /// Short name, such as `your-home`.
    pub id: String,
    pub title: String,
}

/// A statutory area (Children and Social Work Act 2017, s.2) with its words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AreaInfo {
    pub area: OfferArea,
    /// The heading a young person sees: "Your home".
    pub title: String,
    /// The Act's own words: "Accommodation".
    pub statutory_name: String,
}

impl AreaInfo {
    pub fn of(area: OfferArea) -> AreaInfo {
        AreaInfo {
            area,
            title: area.title().to_owned(),
            statutory_name: area.statutory_name().to_owned(),
        }
    }
}

/// One entitlement of the offer with everything a screen shows about it.
/// `updated_at` (from [`Entitlement`]) is the day it last changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OfferEntry {
    #[serde(flatten)]
    pub entitlement: Entitlement,
    /// The council's section it is published under (its id).
    pub section: String,
    pub section_title: String,
    /// The plain heading of `area`.
    pub area_title: String,
    /// What to bring when claiming (may be empty).
    pub what_to_bring: String,
    /// The amount in words: "Up to £1,200 a year."; `None` when it is not money.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount_text: Option<String>,
    /// The figure is an example seeded for the council to check: an
    /// administrator clears this mark by saving the entitlement.
    pub example_figures: bool,
    /// 1 when first published; each administrator change adds 1.
    pub version: i32,
    /// Changed in a way young people notice within the last
    /// [`UPDATED_WITHIN_DAYS`] days: show "updated" (see [`is_updated`]).
    pub updated: bool,
    /// What changed, for young people, when `updated`: "The amount changed
    /// from £2,000 to £2,500."
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub update_note: Option<String>,
}

/// One section of the public offer with its entitlements.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OfferSectionEntries {
    pub id: String,
    pub title: String,
    pub entries: Vec<OfferEntry>,
}

/// `GET /api/councils/{slug}/offer`: the whole published offer, no login.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PublicOffer {
    pub council: crate::api::Council,
    /// In the council's order; with a search, only sections with matches.
    pub sections: Vec<OfferSectionEntries>,
    /// The statutory areas, in the Act's order, for grouping by area.
    pub areas: Vec<AreaInfo>,
    /// The search asked for, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub query: Option<String>,
    pub updated_within_days: i64,
}

// ---------------------------------------------------------------------------
// Circumstances: facts the rules need that the record does not hold
// ---------------------------------------------------------------------------

/// What the young person is doing and where they live, as their allocated
/// worker last recorded it. Everything is `false` until someone sets it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Circumstances {
    /// At school, college, on a course or training (university counts too).
    pub in_education: bool,
    /// At university or on another higher education course.
    pub in_higher_education: bool,
    pub in_apprenticeship: bool,
    /// In paid work.
    pub in_work: bool,
    /// Living with former foster carers after 18 (Staying Put).
    pub staying_put: bool,
    /// Lives in the council's own area.
    pub lives_in_borough: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<DateTime<Utc>>,
    /// Who last changed them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_by: Option<String>,
}

/// A change of circumstances: only the facts sent change.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CircumstancesUpdate {
    #[serde(default)]
    pub in_education: Option<bool>,
    #[serde(default)]
    pub in_higher_education: Option<bool>,
    #[serde(default)]
    pub in_apprenticeship: Option<bool>,
    #[serde(default)]
    pub in_work: Option<bool>,
    #[serde(default)]
    pub staying_put: Option<bool>,
    #[serde(default)]
    pub lives_in_borough: Option<bool>,
}

impl CircumstancesUpdate {
    pub fn is_empty(&self) -> bool {
        self == &CircumstancesUpdate::default()
    }

    /// `c` with the facts sent changed.
    pub fn apply(&self, c: &Circumstances) -> Circumstances {
        Circumstances {
            in_education: self.in_education.unwrap_or(c.in_education),
            in_higher_education: self.in_higher_education.unwrap_or(c.in_higher_education),
            in_apprenticeship: self.in_apprenticeship.unwrap_or(c.in_apprenticeship),
            in_work: self.in_work.unwrap_or(c.in_work),
            staying_put: self.staying_put.unwrap_or(c.staying_put),
            lives_in_borough: self.lives_in_borough.unwrap_or(c.lives_in_borough),
            updated_at: c.updated_at,
            updated_by: c.updated_by.clone(),
        }
    }
}

/// Whole months looked after, over every care episode up to and including
/// `today`, each day counted once however episodes overlap. A month here is
/// a twelfth of 365 days, so a year in care is 12 months, leap year or not.
pub fn months_looked_after(episodes: &[CareEpisode], today: NaiveDate) -> u32 {
    let until = today.succ_opt().unwrap_or(today);
    let mut spans: Vec<(NaiveDate, NaiveDate)> = episodes
        .iter()
        .filter_map(|e| {
            let end = e.end.map_or(until, |end| end.min(until));
            (e.start < end).then_some((e.start, end))
        })
        .collect();
    spans.sort_unstable();
    let mut days: i64 = 0;
    let mut reached: Option<NaiveDate> = None;
    for (start, end) in spans {
        let from = reached.map_or(start, |r| r.max(start));
        if end > from {
            days += (end - from).num_days();
        }
        reached = Some(reached.map_or(end, |r| r.max(end)));
    }
    u32::try_from(days.max(0) * 12 / 365).unwrap_or(u32::MAX)
}

/// Everything the offer's rules may read about one young person on `today`:
/// age and category from the date of birth and care episodes
/// ([`crate::care_status`]), the rest from their recorded circumstances.
pub fn person_facts(
    dob: NaiveDate,
    episodes: &[CareEpisode],
    c: &Circumstances,
    today: NaiveDate,
) -> PersonFacts {
    let in_education = c.in_education || c.in_higher_education;
    let summary = care_summary(dob, episodes, today, in_education);
    PersonFacts {
        age_years: age_on(dob, today),
        dob,
        category: summary.category,
        in_care_now: summary.looked_after_now,
        in_education,
        in_higher_education: c.in_higher_education,
        in_apprenticeship: c.in_apprenticeship,
        in_work: c.in_work,
        staying_put: c.staying_put,
        lives_in_borough: c.lives_in_borough,
        months_looked_after: months_looked_after(episodes, today),
    }
}

// ---------------------------------------------------------------------------
// One young person's offer
// ---------------------------------------------------------------------------

/// One entitlement as it looks to one young person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MyOfferEntry {
    pub entry: OfferEntry,
    /// Whether it is for them today, why, and when it will be if only
    /// their age stands in the way.
    pub for_me: MyOfferItem,
    /// Their latest request about it, if they have ever asked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request: Option<RequestBrief>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MyOfferArea {
    pub area: OfferArea,
    pub title: String,
    pub entries: Vec<MyOfferEntry>,
}

/// `GET /api/me/offer` (and `/api/people/{id}/offer` for their workers).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MyOffer {
    pub young_person_id: String,
    pub age: u32,
    pub category: CareLeaverCategory,
    /// The facts the rules used; a worker keeps them up to date.
    pub circumstances: Circumstances,
    /// The council's duty desk, for help with anything here.
    pub duty_phone: String,
    /// What is for them now, by area in the Act's order; empty areas left out.
    pub areas: Vec<MyOfferArea>,
    /// What will be for them later, soonest first, with when.
    pub coming_up: Vec<MyOfferEntry>,
    /// Ids of entitlements in `areas` they have never asked about.
    pub not_claimed_yet: Vec<String>,
    pub updated_within_days: i64,
}

/// `GET /api/me/offer/search`: every matching entitlement, for me or not.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MyOfferSearch {
    pub query: String,
    /// Best match first.
    pub results: Vec<MyOfferEntry>,
}

// ---------------------------------------------------------------------------
// Requests: "Ask about this"
// ---------------------------------------------------------------------------

/// Where a request has got to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum RequestStatus {
    /// Sent; nobody has answered yet.
    Asked,
    /// The worker is looking into it.
    InProgress,
    /// Yes: it will happen (or be paid).
    Agreed,
    /// The money has been paid.
    Paid,
    /// No, with a reason in plain words.
    TurnedDown,
}

impl RequestStatus {
    pub const ALL: [RequestStatus; 5] = [
        RequestStatus::Asked,
        RequestStatus::InProgress,
        RequestStatus::Agreed,
        RequestStatus::Paid,
        RequestStatus::TurnedDown,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            RequestStatus::Asked => "asked",
            RequestStatus::InProgress => "in_progress",
            RequestStatus::Agreed => "agreed",
            RequestStatus::Paid => "paid",
            RequestStatus::TurnedDown => "turned_down",
        }
    }

    pub fn parse(s: &str) -> Option<RequestStatus> {
        RequestStatus::ALL.into_iter().find(|r| r.as_str() == s)
    }

    /// Said to the young person.
    pub fn plain(self) -> &'static str {
        match self {
            RequestStatus::Asked => "Asked",
            RequestStatus::InProgress => "Being looked at",
            RequestStatus::Agreed => "Agreed",
            RequestStatus::Paid => "Paid",
            RequestStatus::TurnedDown => "Turned down",
        }
    }

    /// Still waiting for something. "Agreed" waits for the payment when the
    /// entitlement is money; otherwise it is the end.
    pub fn is_open(self, is_money: bool) -> bool {
        match self {
            RequestStatus::Asked | RequestStatus::InProgress => true,
            RequestStatus::Agreed => is_money,
            RequestStatus::Paid | RequestStatus::TurnedDown => false,
        }
    }

    /// Whether a worker may move a request from `self` to `to`. Nobody moves
    /// a request back to "asked"; "paid" only for money.
    pub fn can_move_to(self, to: RequestStatus, is_money: bool) -> bool {
        if !self.is_open(is_money) || to == RequestStatus::Asked || to == self {
            return false;
        }
        match to {
            RequestStatus::Paid => is_money,
            RequestStatus::InProgress => self == RequestStatus::Asked,
            _ => true,
        }
    }
}

/// "Ask about this": one tap sends it to my personal adviser (or my social
/// worker if I have no personal adviser).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewOfferRequest {
    /// The entitlement's id, such as `setting-up-home`.
    pub entitlement_id: String,
    /// Anything they want to add (optional).
    #[serde(default)]
    pub message: Option<String>,
}

/// A worker's answer.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OfferRequestAnswer {
    /// `in_progress`, `agreed`, `paid` or `turned_down`.
    pub status: RequestStatus,
    /// Words for the young person. Needed when turning a request down: say
    /// why, in plain words.
    #[serde(default)]
    pub message: Option<String>,
}

/// The short form shown on an entitlement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RequestBrief {
    pub id: String,
    pub status: RequestStatus,
    pub status_text: String,
    pub open: bool,
    pub updated_at: DateTime<Utc>,
}

/// One step of a request's story.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OfferRequestEvent {
    pub status: RequestStatus,
    pub status_text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    /// Who did it, such as "Jo Okafor (personal adviser)"; `None` for the
    /// young person themself.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<String>,
    pub at: DateTime<Utc>,
}

/// A request, for the young person who made it and for their worker.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OfferRequestView {
    pub id: String,
    pub young_person_id: String,
    pub young_person_name: String,
    pub entitlement_id: String,
    pub entitlement_title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount_text: Option<String>,
    pub status: RequestStatus,
    pub status_text: String,
    pub open: bool,
    /// Who it went to: their personal adviser, or social worker if none.
    pub sent_to: Relationship,
    /// What the young person wrote, if anything.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    /// The worker's latest words (the reason, when turned down).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answer: Option<String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// Oldest first.
    pub history: Vec<OfferRequestEvent>,
    /// Only in the answer to sending it, when the message suggests the young
    /// person may be at risk: Childline and the duty desk (their worker is
    /// alerted).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub support: Option<crate::reviews::SupportMessage>,
}

// ---------------------------------------------------------------------------
// Administrators' edits
// ---------------------------------------------------------------------------

/// An entitlement as an administrator writes it (`POST` and `PUT
/// /api/offer/entitlements`), and as its history keeps it.
///
/// `amount` is in pence as a whole number (`300000` is £3,000), as
/// everywhere in the API; a string is read as pounds the way a person types
/// them (`"£3,000"`, `"1200.50"`). Anything wrong is refused with 422 and
/// `field` naming it (`rule.rules[1].under`, `amount`, `summary`, ...).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EntitlementDraft {
    /// Only when creating: the new entitlement's id, such as
    /// `driving-lessons` (lower-case letters, digits and dashes).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The council section's id, such as `your-home`.
    pub section: String,
    pub area: OfferArea,
    pub title: String,
    /// One or two short sentences a 16-year-old understands.
    pub summary: String,
    #[serde(default)]
    pub detail: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<Money>,
    #[serde(default)]
    pub amount_is: AmountIs,
    pub payment: Payment,
    /// Whom to ask and what happens next.
    pub how_to_claim: String,
    #[serde(default)]
    pub what_to_bring: String,
    pub contact: String,
    pub rule: Rule,
    /// Keep the "example figure, check it" mark (normally left false).
    #[serde(default)]
    pub example_figures: bool,
    /// Taken out of the offer (kept, with its history).
    #[serde(default)]
    pub retired: bool,
    /// Why it changed, for the history (optional).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub change_note: Option<String>,
}

/// An entitlement as the administrator's list shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AdminOfferEntry {
    pub entry: OfferEntry,
    pub retired: bool,
    pub changed_at: DateTime<Utc>,
    /// `None` for the seeded first version.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub changed_by: Option<String>,
    /// Copied from the template offer (another council's words and figures)
    /// and not yet saved here: young people do not see it until an
    /// administrator checks it and saves it.
    #[serde(default)]
    pub example_to_edit: bool,
}

/// `GET /api/offer/entitlements`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AdminOffer {
    pub sections: Vec<OfferSection>,
    pub areas: Vec<AreaInfo>,
    pub entitlements: Vec<AdminOfferEntry>,
}

/// One version of one entitlement: who, when, what before, what after.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EntitlementChange {
    pub entitlement_id: String,
    pub version: i32,
    pub changed_at: DateTime<Utc>,
    /// `None` when seeded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub changed_by: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// JSON names of the fields that changed (empty for version 1, when
    /// everything was new).
    pub changed_fields: Vec<String>,
    /// `None` for version 1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub before: Option<EntitlementDraft>,
    pub after: EntitlementDraft,
}

impl EntitlementDraft {
    /// The JSON names of the fields that differ (the note and id aside).
    pub fn changed_fields(&self, after: &EntitlementDraft) -> Vec<String> {
        let mut out = Vec::new();
        let mut diff = |name: &str, differs: bool| {
            if differs {
                out.push(name.to_owned());
            }
        };
        diff("section", self.section != after.section);
        diff("area", self.area != after.area);
        diff("title", self.title != after.title);
        diff("summary", self.summary != after.summary);
        diff("detail", self.detail != after.detail);
        diff("amount", self.amount != after.amount);
        diff("amount_is", self.amount_is != after.amount_is);
        diff("payment", self.payment != after.payment);
        diff("how_to_claim", self.how_to_claim != after.how_to_claim);
        diff("what_to_bring", self.what_to_bring != after.what_to_bring);
        diff("contact", self.contact != after.contact);
        diff("rule", self.rule != after.rule);
        diff(
            "example_figures",
            self.example_figures != after.example_figures,
        );
        diff("retired", self.retired != after.retired);
        out
    }

    /// What a young person is told changed, in a sentence, or `None` when
    /// nothing they would notice did.
    pub fn change_for_young_people(&self, after: &EntitlementDraft) -> Option<String> {
        let with_kind = |m: Option<Money>, is: AmountIs| {
            m.map(|m| match is {
                AmountIs::Exactly => m.to_string(),
                AmountIs::UpTo => format!("up to {m}"),
                AmountIs::AtLeast => format!("at least {m}"),
            })
        };
        let before_amount = with_kind(self.amount, self.amount_is);
        let after_amount = with_kind(after.amount, after.amount_is);
        if before_amount != after_amount {
            return Some(match (before_amount, after_amount) {
                (Some(b), Some(a)) => format!("The amount changed from {b} to {a}."),
                (None, Some(a)) => format!("The amount is now {a}."),
                _ => "The amount has changed.".to_owned(),
            });
        }
        if self.payment != after.payment {
            return Some("How it is paid has changed.".to_owned());
        }
        if self.rule != after.rule {
            return Some("Who this is for has changed.".to_owned());
        }
        if self.how_to_claim != after.how_to_claim
            || self.what_to_bring != after.what_to_bring
            || self.contact != after.contact
        {
            return Some("How to get this has changed.".to_owned());
        }
        if self.title != after.title || self.summary != after.summary || self.detail != after.detail
        {
            return Some("The details have been updated.".to_owned());
        }
        None
    }
}

// ---------------------------------------------------------------------------
// Search
// ---------------------------------------------------------------------------

/// Everyday words people search with, and words the offer uses instead.
const SEARCH_ALSO: &[(&str, &[&str])] = &[
    ("uni", &["university", "higher education"]),
    ("university", &["higher education"]),
    ("college", &["education", "course"]),
    ("school", &["education"]),
    ("bus", &["travel", "oyster", "tram"]),
    ("train", &["travel"]),
    ("travel", &["oyster", "bus"]),
    ("transport", &["travel", "oyster", "bus"]),
    ("flat", &["home"]),
    ("house", &["home"]),
    ("housing", &["home"]),
    ("rent", &["home"]),
    ("furniture", &["home"]),
    ("job", &["work", "employment"]),
    ("jobs", &["work", "employment"]),
    ("cash", &["money", "£"]),
    ("grant", &["money", "allowance", "bursary"]),
    ("gym", &["leisure"]),
    ("swimming", &["leisure"]),
    ("passport", &["id", "documents"]),
    ("id", &["passport", "documents"]),
    ("driving", &["lessons", "licence"]),
    ("doctor", &["health"]),
    ("gp", &["health"]),
    ("sad", &["wellbeing", "talk"]),
    ("complain", &["complaint"]),
    ("help", &["support"]),
    ("birthday", &["gift"]),
    ("christmas", &["festive"]),
    ("internet", &["broadband", "wifi"]),
    ("wifi", &["broadband", "internet"]),
    ("tv", &["television", "licence"]),
    ("savings", &["isa"]),
];

fn words(text: &str) -> Vec<String> {
    text.to_lowercase()
        .split(|c: char| !(c.is_alphanumeric() || c == '£'))
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

/// How well `entry` matches `query`: `None` when some word of the query is
/// found nowhere (every word must match, or one of its everyday
/// equivalents); higher is better (title counts most, then summary, and
/// the word itself more than an equivalent).
pub fn search_score(entry: &OfferEntry, query: &str) -> Option<u32> {
    let q = words(query);
    if q.is_empty() {
        return None;
    }
    let e = &entry.entitlement;
    // Words match from their start ("uni" finds "university", not "junior").
    let spaced = |t: &str| format!(" {}", words(t).join(" "));
    let title = spaced(&e.title);
    let summary = spaced(&e.summary);
    let rest = spaced(&format!(
        "{} {} {} {} {} {} {}",
        e.detail,
        e.how_to_claim,
        entry.what_to_bring,
        e.contact,
        entry.section_title,
        entry.area_title,
        e.id
    ));
    let mut score = 0u32;
    for w in &q {
        let mut forms: Vec<&str> = vec![w.as_str()];
        if let Some((_, also)) = SEARCH_ALSO.iter().find(|(k, _)| k == w) {
            forms.extend_from_slice(also);
        }
        // The word itself counts more than an everyday equivalent.
        let best = forms
            .iter()
            .enumerate()
            .map(|(i, f)| {
                let f = format!(" {f}");
                let at = if title.contains(&f) {
                    6
                } else if summary.contains(&f) {
                    4
                } else if rest.contains(&f) {
                    2
                } else {
                    return 0;
                };
                if i == 0 {
                    at
                } else {
                    at - 1
                }
            })
            .max()
            .unwrap_or(0);
        if best == 0 {
            return None;
        }
        score += best;
    }
    Some(score)
}

// ---------------------------------------------------------------------------
// "Updated"
// ---------------------------------------------------------------------------

/// Whether an entitlement shows as "updated" at `now`: a change young
/// people would notice (see [`EntitlementDraft::change_for_young_people`])
/// was made at `noted_at`, within [`UPDATED_WITHIN_DAYS`] days. Changes they
/// would not notice (an administrator's marks) do not count.
pub fn is_updated(noted_at: Option<DateTime<Utc>>, now: DateTime<Utc>) -> bool {
    noted_at.is_some_and(|at| now - at <= chrono::Duration::days(UPDATED_WITHIN_DAYS))
}

/// "3 March 2027".
pub fn long_date(d: NaiveDate) -> String {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let month = MONTHS.get(d.month0() as usize).copied().unwrap_or("");
    format!("{} {} {}", d.day(), month, d.year())
}

/// Checks an entitlement id an administrator chose: 2 to 60 lower-case
/// letters, digits and single dashes, starting with a letter.
pub fn id_problem(id: &str) -> Option<&'static str> {
    let ok_chars = id
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    if id.len() < 2
        || id.len() > ID_MAX
        || !ok_chars
        || !id.starts_with(|c: char| c.is_ascii_lowercase())
        || id.ends_with('-')
        || id.contains("--")
    {
        Some("Use 2 to 60 lower-case letters, digits and dashes, starting with a letter, such as driving-lessons.")
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;
    use crate::eligibility::evaluate;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn months_in_care_count_each_day_once() {
        let today = d(2025, 6, 1);
        let one_year = [CareEpisode {
            start: d(2024, 1, 1),
            end: Some(d(2025, 1, 1)),
        }];
        assert_eq!(months_looked_after(&one_year, today), 12);
        // The same year twice, overlapping: still 12.
        let twice = [one_year[0], one_year[0]];
        assert_eq!(months_looked_after(&twice, today), 12);
        // Still in care: counts to today (included).
        let open = [CareEpisode {
            start: d(2025, 3, 1),
            end: None,
        }];
        assert_eq!(months_looked_after(&open, today), 3);
        // Two short stays add up.
        let short = [
            CareEpisode {
                start: d(2020, 1, 1),
                end: Some(d(2020, 7, 1)),
            },
            CareEpisode {
                start: d(2021, 1, 1),
                end: Some(d(2021, 7, 3)),
            },
        ];
        assert_eq!(months_looked_after(&short, today), 12);
        assert_eq!(months_looked_after(&[], today), 0);
        // An episode in the future counts nothing yet.
        let future = [CareEpisode {
            start: d(2026, 1, 1),
            end: None,
        }];
        assert_eq!(months_looked_after(&future, today), 0);
    }

    #[test]
    fn facts_come_from_the_record_and_the_circumstances() {
        let today = d(2025, 6, 1);
        let dob = d(2006, 4, 1);
        let episodes = [CareEpisode {
            start: d(2020, 6, 1),
            end: Some(d(2024, 6, 1)),
        }];
        let c = Circumstances {
            in_higher_education: true,
            lives_in_borough: true,
            ..Circumstances::default()
        };
        let f = person_facts(dob, &episodes, &c, today);
        assert_eq!(f.age_years, 19);
        assert_eq!(f.category, CareLeaverCategory::FormerRelevant);
        assert!(f.in_education && f.in_higher_education && f.lives_in_borough);
        assert!(!f.in_care_now);
        assert_eq!(f.months_looked_after, 48);
        assert!(evaluate(&Rule::InEducation, &f));
    }

    #[test]
    fn request_statuses_move_forward_only() {
        use RequestStatus as S;
        assert!(S::Asked.can_move_to(S::InProgress, true));
        assert!(S::Asked.can_move_to(S::TurnedDown, false));
        assert!(S::Agreed.can_move_to(S::Paid, true));
        assert!(!S::Agreed.can_move_to(S::Paid, false));
        assert!(!S::Paid.can_move_to(S::TurnedDown, true));
        assert!(!S::InProgress.can_move_to(S::Asked, true));
        assert!(!S::InProgress.can_move_to(S::InProgress, true));
        assert!(!S::Agreed.is_open(false) && S::Agreed.is_open(true));
        for s in S::ALL {
            assert_eq!(S::parse(s.as_str()), Some(s));
            assert_eq!(
                serde_json::to_string(&s).unwrap(),
                format!("\"{}\"", s.as_str())
            );
        }
    }

    fn draft() -> EntitlementDraft {
        EntitlementDraft {
            id: Some("he-bursary".into()),
            section: "education-employment-training".into(),
            area: OfferArea::EducationAndTraining,
            title: "Higher education bursary".into(),
            summary: "£2,000 to help you at university.".into(),
            detail: String::new(),
            amount: Some(Money::from_pounds(2000)),
            amount_is: AmountIs::Exactly,
            payment: Payment::Once,
            how_to_claim: "Ask your personal adviser.".into(),
            what_to_bring: String::new(),
            contact: "020 8303 7777".into(),
            rule: Rule::InHigherEducation,
            example_figures: false,
            retired: false,
            change_note: None,
        }
    }

    #[test]
    fn changes_are_named_and_told_plainly() {
        let a = draft();
        let b = EntitlementDraft {
            amount: Some(Money::from_pounds(2500)),
            change_note: Some("New figure for 2026".into()),
            ..a.clone()
        };
        assert_eq!(a.changed_fields(&b), vec!["amount".to_owned()]);
        assert_eq!(
            a.change_for_young_people(&b).as_deref(),
            Some("The amount changed from £2,000 to £2,500.")
        );
        let c = EntitlementDraft {
            example_figures: true,
            ..a.clone()
        };
        assert_eq!(a.change_for_young_people(&c), None);
        let r = EntitlementDraft {
            rule: Rule::InWork,
            ..a.clone()
        };
        assert_eq!(
            a.change_for_young_people(&r).as_deref(),
            Some("Who this is for has changed.")
        );
    }

    #[test]
    fn updated_means_changed_by_an_admin_lately() {
        let now = DateTime::from_timestamp(1_750_000_000, 0).unwrap();
        assert!(!is_updated(None, now));
        assert!(is_updated(Some(now - chrono::Duration::days(29)), now));
        assert!(!is_updated(Some(now - chrono::Duration::days(31)), now));
    }

    fn entry() -> OfferEntry {
        let d = draft();
        OfferEntry {
            entitlement: Entitlement {
                id: "tfl".into(),
                area: OfferArea::ParticipationInSociety,
                title: "Half-price bus and tram travel".into(),
                summary: "Get 50% off bus and tram fares in London.".into(),
                detail: "With the 18-25 Care Leaver Oyster photocard.".into(),
                amount: None,
                amount_is: AmountIs::Exactly,
                payment: Payment::NotMoney,
                how_to_claim: d.how_to_claim,
                contact: d.contact,
                rule: Rule::Everyone,
                updated_at: None,
            },
            section: "participation-in-society".into(),
            section_title: "Participation in society".into(),
            area_title: "Joining in and having your say".into(),
            what_to_bring: String::new(),
            amount_text: None,
            example_figures: false,
            version: 1,
            updated: false,
            update_note: None,
        }
    }

    #[test]
    fn search_matches_every_word_with_everyday_words() {
        let e = entry();
        assert!(search_score(&e, "bus").is_some());
        // Words match from their start only.
        assert!(search_score(&e, "Oyster card").is_none());
        assert!(search_score(&e, "Oyster photo").is_some());
        assert!(search_score(&e, "us").is_none());
        assert!(search_score(&e, "oyster").is_some());
        assert!(search_score(&e, "transport").is_some());
        assert!(search_score(&e, "university").is_none());
        assert!(search_score(&e, "  ").is_none());
        assert!(search_score(&e, "bus").unwrap() > search_score(&e, "photocard").unwrap());
        // "travel" is in the title, but "bus" itself counts more.
        assert!(search_score(&e, "bus").unwrap() > search_score(&e, "transport").unwrap());
    }

    #[test]
    fn ids_are_checked() {
        assert_eq!(id_problem("driving-lessons"), None);
        assert_eq!(id_problem("tfl-18-25"), None);
        for bad in [
            "",
            "a",
            "Driving",
            "9lives",
            "two--dashes",
            "end-",
            "spa ce",
        ] {
            assert!(id_problem(bad).is_some(), "{bad}");
        }
    }

    #[test]
    fn long_dates() {
        assert_eq!(long_date(d(2027, 3, 3)), "3 March 2027");
    }
}
