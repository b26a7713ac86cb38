//! Positive Journeys for Bexley (seed 002): its two spaces and the default
//! watched words, seeded at start-up; and, with DEMO_DATA only, a few
//! approved threads, events and polls.
//!
//! Idempotent: a space is added only when Bexley has none with its id, and
//! the watched words only while the council has never set up its list, so
//! an administrator's or officer's edits are never overwritten.

use crate::entities::{account, local_authority, young_person};
use crate::error::ApiError;
use crate::repo::forum::{self as repo, NewPost};
use crate::repo::moderation::{self as modlog, Entry};
use crate::repo::{accounts, councils, events};
use crate::services::forum::is_unique_violation;
use chrono::{DateTime, Duration, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter};
use shared::forum::{display_name_key, Audience, ModAction, PostStatus};
use shared::people::Role;
use shared::text_checks::default_watched_words;

pub const POSITIVE_JOURNEYS: &str = "positive-journeys";
pub const SENIORS: &str = "positive-journeys-seniors";

struct Space {
    slug: &'static str,
    name: &'static str,
    description: String,
    min_age: i32,
    max_age: i32,
    audience: Audience,
}

/// Bexley's Children in Care Council and its care leavers' forum.
fn bexley_spaces() -> [Space; 2] {
    [
    Space {
        slug: POSITIVE_JOURNEYS,
        name: "Positive Journeys",
        description: "Bexley's Children in Care Council. Share ideas, ask questions and help make things better for children in care, like the 99 ways we wrote for the grown-ups who work with us. Be kind: everyone here is in care too.".to_owned(),
        min_age: 8,
        max_age: 17,
        audience: Audience::InCare,
    },
    Space {
        slug: SENIORS,
        name: "Positive Journeys Seniors",
        description: "The care leavers' forum, for 16 to 25. Talk about leaving care, the local offer, money, college and work, and help shape what the council does next.".to_owned(),
        min_age: 16,
        max_age: 25,
        audience: Audience::CareLeavers,
    },
]
}

fn ok_if_taken<T>(r: Result<T, DbErr>) -> Result<(), DbErr> {
    match r {
        Ok(_) => Ok(()),
        // Another instance seeding at the same moment.
        Err(e) if is_unique_violation(&e) => Ok(()),
        Err(e) => Err(e),
    }
}

/// Every council's spaces and watched words, when it has none yet. Safe to
/// run at every start.
pub async fn seed(db: &DatabaseConnection) -> Result<(), DbErr> {
    for council in councils::list(db).await? {
        seed_council(db, &council).await?;
    }
    Ok(())
}

/// Another council's two spaces: the same ages and audiences as Bexley's,
/// in words that name no borough.
fn spaces_for(council_name: &str) -> [Space; 2] {
    [
        Space {
            slug: POSITIVE_JOURNEYS,
            name: "Children in Care Council",
            description: format!("{council_name}'s Children in Care Council. Share ideas, ask questions and help make things better for children in care. Be kind: everyone here is in care too."),
            min_age: 8,
            max_age: 17,
            audience: Audience::InCare,
        },
        Space {
            slug: SENIORS,
            name: "Care leavers' forum",
            description: "The care leavers' forum, for 16 to 25. Talk about leaving care, the local offer, money, college and work, and help shape what the council does next.".to_owned(),
            min_age: 16,
            max_age: 25,
            audience: Audience::CareLeavers,
        },
    ]
}

/// One council's spaces and default watched words, each only when the
/// council has none with its id (an officer's edits are never overwritten).
pub async fn seed_council(
    db: &DatabaseConnection,
    council: &local_authority::Model,
) -> Result<(), DbErr> {
    let now = Utc::now();
    let spaces = if council.slug == "bexley" {
        bexley_spaces()
    } else {
        spaces_for(&council.name)
    };
    for s in &spaces {
        if repo::space_by_slug(db, council.id, s.slug).await?.is_none() {
            ok_if_taken(
                repo::insert_space(
                    db,
                    council.id,
                    s.slug,
                    repo::SpaceWrite {
                        name: s.name,
                        description: &s.description,
                        min_age: s.min_age,
                        max_age: s.max_age,
                        audience: s.audience.as_str(),
                        hold_under_18: true,
                        archived: false,
                    },
                    None,
                    now,
                )
                .await,
            )?;
        }
    }
    if !repo::watched_words(db, council.id).await?.1 {
        let words: Vec<_> = default_watched_words()
            .into_iter()
            .map(|w| {
                let key = display_name_key(&w.pattern);
                (w, key)
            })
            .collect();
        use sea_orm::TransactionTrait;
        let txn = db.begin().await?;
        ok_if_taken(repo::replace_watched_words(&txn, council.id, &words, None, now).await)?;
        txn.commit().await?;
    }
    Ok(())
}

// -------------------------------------------------------------------- demo

async fn young_person_of(
    db: &impl ConnectionTrait,
    username: &str,
) -> Result<Option<(young_person::Model, account::Model)>, ApiError> {
    let Some(a) = accounts::by_username(db, username).await? else {
        return Ok(None);
    };
    Ok(young_person::Entity::find()
        .filter(young_person::Column::AccountId.eq(a.id))
        .one(db)
        .await?
        .map(|y| (y, a)))
}

/// A demo member with a chosen name.
async fn member(
    db: &impl ConnectionTrait,
    authority_id: i32,
    username: &str,
    name: &str,
    now: DateTime<Utc>,
) -> Result<Option<(i32, bool)>, ApiError> {
    let Some((y, _)) = young_person_of(db, username).await? else {
        return Ok(None);
    };
    let m = match repo::member_of(db, y.id).await? {
        Some(m) => m,
        None => {
            repo::insert_member(db, authority_id, y.id, name, &display_name_key(name), now).await?
        }
    };
    repo::set_display_name(db, m.id, name, &display_name_key(name), now).await?;
    let under_18 = shared::care_status::age_on(y.date_of_birth, now.date_naive()) < 18;
    Ok(Some((m.id, under_18)))
}

struct Demo<'a> {
    authority_id: i32,
    officer: Option<&'a account::Model>,
}

impl Demo<'_> {
    /// A published post; an under-18's is logged as approved by the officer.
    #[allow(clippy::too_many_arguments)]
    async fn post(
        &self,
        db: &impl ConnectionTrait,
        space: i32,
        thread: Option<i64>,
        title: &str,
        author: (i32, bool),
        body: &str,
        at: DateTime<Utc>,
    ) -> Result<i64, ApiError> {
        let thread_id = match thread {
            Some(t) => t,
            None => {
                repo::insert_thread(
                    db,
                    self.authority_id,
                    space,
                    author.0,
                    title,
                    PostStatus::Published,
                    at,
                )
                .await?
                .id
            }
        };
        let p = repo::insert_post(
            db,
            NewPost {
                authority_id: self.authority_id,
                thread_id,
                space_id: space,
                author_member_id: author.0,
                opening: thread.is_none(),
                body,
                status: PostStatus::Published,
                hold_reasons: String::new(),
                flagged: false,
                suggests_harm: false,
            },
            at,
        )
        .await?;
        repo::touch_thread(db, thread_id, at).await?;
        if let (true, Some(o)) = (author.1, self.officer) {
            modlog::record(
                db,
                Entry {
                    actor_account_id: Some(o.id),
                    actor_role: Some(Role::ParticipationOfficer.as_str()),
                    actor_name: Some(&o.display_name),
                    post_id: Some(p.id),
                    thread_id: Some(thread_id),
                    member_id: Some(author.0),
                    ..Entry::new(self.authority_id, ModAction::Approved)
                },
                at,
            )
            .await?;
        }
        Ok(thread_id)
    }
}

/// Demo threads, events and polls (DEMO_DATA only), in the demo people's
/// transaction. Needs the demo people and [`seed`].
pub async fn demo(db: &impl ConnectionTrait, authority_id: i32) -> Result<(), ApiError> {
    let Some(pj) = repo::space_by_slug(db, authority_id, POSITIVE_JOURNEYS).await? else {
        return Ok(());
    };
    let Some(seniors) = repo::space_by_slug(db, authority_id, SENIORS).await? else {
        return Ok(());
    };
    let now = Utc::now();
    let officer = accounts::by_username(db, "demo-participation").await?;
    let d = Demo {
        authority_id,
        officer: officer.as_ref(),
    };
    let aisha = member(db, authority_id, "demo-teen-14", "Sunny Robin", now).await?;
    let tyler = member(db, authority_id, "demo-teen-17", "Quiet Falcon", now).await?;
    let marcus = member(db, authority_id, "demo-leaver-23", "Bold Badger", now).await?;
    let priya = member(db, authority_id, "demo-leaver-19", "Bright Wren", now).await?;
    let ago = |h: i64| now - Duration::hours(h);
    if let (Some(aisha), Some(tyler)) = (aisha, tyler) {
        let t = d
            .post(
                db,
                pj.id,
                None,
                "Ideas for the summer trip",
                aisha,
                "Last year we went bowling. Could we go to the beach this time? I think lots of us would come.",
                ago(50),
            )
            .await?;
        d.post(
            db,
            pj.id,
            Some(t),
            "",
            tyler,
            "Beach gets my vote! Maybe a picnic too.",
            ago(47),
        )
        .await?;
        d.post(
            db,
            pj.id,
            None,
            "What should new IROs know about us?",
            tyler,
            "We are helping with the training for new IROs. Mine: tell us who you are before the meeting, not on the day. What would you say?",
            ago(26),
        )
        .await?;
    }
    if let (Some(marcus), Some(priya)) = (marcus, priya) {
        let t = d
            .post(
                db,
                seniors.id,
                None,
                "Tips for your first flat",
                marcus,
                "Ask your PA about the setting-up-home allowance early. Make a list before you go shopping. Charity shops have good stuff.",
                ago(30),
            )
            .await?;
        d.post(
            db,
            seniors.id,
            Some(t),
            "",
            priya,
            "Also ask about the council tax exemption, it saved me loads.",
            ago(20),
        )
        .await?;
    }
    let Some(officer) = officer else {
        return Ok(());
    };
    let tz = chrono_tz::Europe::London;
    let day = |days: i64, minute: u16| {
        crate::push::quiet::local_instant(
            tz,
            (now + Duration::days(days)).with_timezone(&tz).date_naive(),
            minute,
        )
    };
    events::insert_event(
        db,
        authority_id,
        events::EventWrite {
            space_id: Some(pj.id),
            kind: "meeting",
            title: "Positive Journeys meeting: plan the summer trip",
            description:
                "Come and help choose where we go this summer. Pizza and a lift home for everyone.",
            location: "Bexley Civic Offices, Watling Street",
            starts_at: day(14, 17 * 60),
            ends_at: day(14, 19 * 60),
            places: Some(20),
            sign_up_closes_at: None,
            cancelled: false,
        },
        officer.id,
        now,
    )
    .await?;
    events::insert_event(
        db,
        authority_id,
        events::EventWrite {
            space_id: Some(seniors.id),
            kind: "training",
            title: "Help train new foster carers",
            description: "Tell new foster carers what made a difference to you. You will be paid for your time, and we will practise together first.",
            location: "Bexley Civic Offices, Watling Street",
            starts_at: day(30, 10 * 60),
            ends_at: day(30, 13 * 60),
            places: Some(6),
            sign_up_closes_at: Some(day(27, 17 * 60)),
            cancelled: false,
        },
        officer.id,
        now,
    )
    .await?;
    events::insert_poll(
        db,
        events::NewPoll {
            authority_id,
            space_id: Some(pj.id),
            kind: "poll",
            question: "Where should the summer trip go?",
            description: "",
            options_json: r#"["The beach","A theme park","The zoo"]"#.to_owned(),
            allows_comment: false,
            closes_at: now + Duration::days(10),
            created_by: officer.id,
        },
        now,
    )
    .await?;
    let closed = events::insert_poll(
        db,
        events::NewPoll {
            authority_id,
            space_id: None,
            kind: "consultation",
            question: "When should review meetings be?",
            description: "Tell us what time of day works for you.",
            options_json: r#"["After school or college","In the school day","At the weekend"]"#
                .to_owned(),
            allows_comment: true,
            closes_at: now - Duration::days(5),
            created_by: officer.id,
        },
        now - Duration::days(40),
    )
    .await?;
    events::set_outcome(
        db,
        closed.id,
        "You said meetings in the school day mean missing lessons. We did: your IRO now asks you which time suits you, and most reviews are after school.",
    )
    .await?;
    Ok(())
}
