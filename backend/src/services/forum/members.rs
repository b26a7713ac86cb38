//! Who takes part: the young person's forum member (made up on first
//! visit, with a made-up name), the spaces they may enter, display names.

use super::{council_today, is_unique_violation, rule_of, watched_words};
use crate::access;
use crate::caller::Caller;
use crate::entities::{
    forum_member as member, forum_space as space, local_authority, young_person,
};
use crate::error::ApiError;
use crate::repo::forum::{self as repo, Viewer};
use crate::repo::{circumstances, councils, people};
use chrono::{DateTime, Utc};
use sea_orm::{ConnectionTrait, DatabaseConnection};
use shared::access::Ability;
use shared::care_status::{care_summary, CareSummary};
use shared::forum::{check_display_name, display_name_key, DisplayNameChange, MyForum, SpaceView};
use shared::people::Role;

/// A young person using Positive Journeys, with what they may see.
pub struct Participant {
    pub young_person: young_person::Model,
    pub council: local_authority::Model,
    pub summary: CareSummary,
    pub member: member::Model,
    /// Spaces their age and status allow (not archived).
    pub spaces: Vec<space::Model>,
    /// Members whose posts they do not see.
    pub blocked: Vec<i32>,
}

impl Participant {
    pub fn viewer(&self) -> Viewer<'_> {
        Viewer::Member {
            id: self.member.id,
            blocked: &self.blocked,
        }
    }

    /// A space they may see, by its id; anything else is not found.
    pub fn space(&self, slug: &str) -> Result<&space::Model, ApiError> {
        self.spaces
            .iter()
            .find(|s| s.slug == slug)
            .ok_or(ApiError::NotFound)
    }

    pub fn space_by_id(&self, id: i32) -> Option<&space::Model> {
        self.spaces.iter().find(|s| s.id == id)
    }

    pub fn under_18(&self) -> bool {
        self.summary.age < 18
    }

    /// Whether they may post now; the reason when not.
    pub fn suspended_because(&self, now: DateTime<Utc>) -> Option<String> {
        let until = self.member.suspended_until.filter(|u| *u > now)?;
        let tz = crate::push::quiet::zone(&self.council.time_zone);
        Some(format!(
            "You can't post in Positive Journeys until {}. {}",
            until.with_timezone(&tz).format("%A %-d %B at %H:%M"),
            self.member.suspension_reason.clone().unwrap_or_default()
        ))
    }
}

/// The signed-in young person as a participant (404 for anyone else).
pub async fn participant(
    db: &DatabaseConnection,
    caller: &Caller,
) -> Result<Participant, ApiError> {
    access::require(caller, Ability::TakePart)?;
    let yp_id = caller.young_person_id.ok_or(ApiError::NotFound)?;
    let yp = people::by_id(db, yp_id)
        .await?
        .filter(|y| y.authority_id == caller.authority_id)
        .ok_or(ApiError::NotFound)?;
    let council = councils::by_id(db, yp.authority_id)
        .await?
        .ok_or(ApiError::NotFound)?;
    let episodes = people::episodes(db, yp.id).await?;
    let in_education = circumstances::for_young_person(db, yp.id)
        .await?
        .is_some_and(|c| c.in_education);
    let summary = care_summary(
        yp.date_of_birth,
        &episodes,
        council_today(&council),
        in_education,
    );
    let mut spaces = Vec::new();
    for s in repo::spaces(db, yp.authority_id, false).await? {
        if rule_of(&s)?.admits(&summary) {
            spaces.push(s);
        }
    }
    let member = ensure_member(db, &yp).await?;
    let blocked = repo::blocked_by(db, yp.id)
        .await?
        .into_iter()
        .map(|b| b.blocked_member_id)
        .collect();
    Ok(Participant {
        young_person: yp,
        council,
        summary,
        member,
        spaces,
        blocked,
    })
}

const ADJECTIVES: &[&str] = &[
    "Brave", "Bright", "Calm", "Clever", "Cosy", "Gentle", "Golden", "Happy", "Kind", "Lucky",
    "Mighty", "Quiet", "Quick", "Silver", "Sunny", "Swift", "Wise", "Jolly", "Bold", "Cheery",
];
const ANIMALS: &[&str] = &[
    "Otter", "Fox", "Badger", "Owl", "Hedgehog", "Robin", "Dolphin", "Panda", "Tiger", "Falcon",
    "Rabbit", "Koala", "Penguin", "Squirrel", "Deer", "Hare", "Swan", "Wren", "Seal", "Lynx",
];

/// A made-up name such as "Brave Otter 27", never containing the real name.
fn made_up_name(real: &str) -> String {
    let mut name = String::new();
    for _ in 0..100 {
        let b = *uuid::Uuid::new_v4().as_bytes();
        name = format!(
            "{} {} {}",
            ADJECTIVES[usize::from(b[0]) % ADJECTIVES.len()],
            ANIMALS[usize::from(b[1]) % ANIMALS.len()],
            10 + u32::from(b[2]) % 90
        );
        if check_display_name(&name, real, false, &[]).is_ok() {
            break;
        }
    }
    name
}

/// Their forum membership, made the first time with a made-up name.
async fn ensure_member(
    db: &DatabaseConnection,
    yp: &young_person::Model,
) -> Result<member::Model, ApiError> {
    if let Some(m) = repo::member_of(db, yp.id).await? {
        return Ok(m);
    }
    for _ in 0..20 {
        let name = made_up_name(&yp.preferred_name);
        match repo::insert_member(
            db,
            yp.authority_id,
            yp.id,
            &name,
            &display_name_key(&name),
            Utc::now(),
        )
        .await
        {
            Ok(m) => return Ok(m),
            Err(e) if is_unique_violation(&e) => {
                // Made at the same moment by another request, or the name
                // is taken: look again, then try another name.
                if let Some(m) = repo::member_of(db, yp.id).await? {
                    return Ok(m);
                }
            }
            Err(e) => return Err(e.into()),
        }
    }
    Err(ApiError::Unavailable)
}

pub(super) async fn officer_names(
    db: &impl ConnectionTrait,
    authority_id: i32,
) -> Result<Vec<String>, ApiError> {
    Ok(
        repo::staff_with_role(db, authority_id, Role::ParticipationOfficer)
            .await?
            .into_iter()
            .map(|a| a.display_name)
            .collect(),
    )
}

/// "Dee Harper" / "Dee Harper and Sam Lee" / "the participation officer".
pub fn names_or_role(names: &[String]) -> String {
    match names {
        [] => "the participation officer".to_owned(),
        [one] => format!("{one} (participation officer)"),
        more => format!(
            "{} and {} (participation officers)",
            more[..more.len() - 1].join(", "),
            more[more.len() - 1]
        ),
    }
}

fn space_view(s: &space::Model, p: &Participant, officers: &str) -> Result<SpaceView, ApiError> {
    let who_for = rule_of(s)?.describe();
    let checked = p.under_18() && s.hold_under_18;
    Ok(SpaceView {
        id: s.slug.clone(),
        name: s.name.clone(),
        description: s.description.clone(),
        who_can_read: format!(
            "{who_for} in {} can read what you post here, and so can {officers}, who looks after the space. They see your forum name, never your real name.",
            p.council.name
        ),
        who_for,
        my_posts_are_checked_first: checked,
    })
}

pub async fn my_forum(db: &DatabaseConnection, caller: &Caller) -> Result<MyForum, ApiError> {
    let p = participant(db, caller).await?;
    let officers = names_or_role(&officer_names(db, p.council.id).await?);
    let now = Utc::now();
    let suspended = p.suspended_because(now).is_some();
    Ok(MyForum {
        display_name: p.member.display_name.clone(),
        display_name_chosen: p.member.name_chosen,
        may_use_real_name: !p.under_18(),
        can_post: !suspended,
        suspended_until: p.member.suspended_until.filter(|u| *u > now),
        suspension_reason: if suspended {
            p.member.suspension_reason.clone()
        } else {
            None
        },
        spaces: p
            .spaces
            .iter()
            .map(|s| space_view(s, &p, &officers))
            .collect::<Result<_, _>>()?,
    })
}

pub async fn spaces(db: &DatabaseConnection, caller: &Caller) -> Result<Vec<SpaceView>, ApiError> {
    Ok(my_forum(db, caller).await?.spaces)
}

pub async fn set_display_name(
    db: &DatabaseConnection,
    caller: &Caller,
    c: &DisplayNameChange,
) -> Result<MyForum, ApiError> {
    let p = participant(db, caller).await?;
    if c.use_real_name && p.under_18() {
        return Err(ApiError::validation(
            "use_real_name",
            "You can choose to use your real name from 18. Until then, pick a made-up name.",
        ));
    }
    let words = watched_words(db, p.council.id).await?;
    let name = check_display_name(
        &c.display_name,
        &p.young_person.preferred_name,
        c.use_real_name && !p.under_18(),
        &words,
    )
    .map_err(|m| ApiError::validation("display_name", m))?;
    super::look_alike::refuse_look_alikes(db, p.council.id, p.member.id, &name).await?;
    match repo::set_display_name(db, p.member.id, &name, &display_name_key(&name), Utc::now()).await
    {
        Ok(()) => {}
        Err(e) if is_unique_violation(&e) => {
            return Err(ApiError::Conflict(
                "Someone else has that name already. Try another one.".to_owned(),
            ))
        }
        Err(e) => return Err(e.into()),
    }
    my_forum(db, caller).await
}
