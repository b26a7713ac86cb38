//! The four "good for me" feedback forms (seed 002: the five priorities in
//! the children's own words and Bexley's six commitments), in versions for
//! under 8s (pictures and faces, done with a trusted adult), 8 to 11s, 12
//! to 17s and care leavers (the pathway plan review). Every council gets
//! version 1 of each at start-up if it has none; an administrator revises
//! them as new versions. Bexley's promise (first review within a month) is
//! turned on the first time.
//!
//! Also, with DEMO_DATA, demo reviews: Leo's next one about 10 days ahead
//! chaired by demo-iro, and past reviews for the others so that the lists
//! and the overdue states have something real.

use crate::entities::young_person;
use crate::repo::{accounts, councils, feedback as repo, reviews};
use crate::services::feedback::publish;
use chrono::{Duration, Months, NaiveDate, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter};
use shared::language::Language;
use shared::reviews::{
    faces, tidy_translations, Commitment, FormDefinition, FormKey, FormOption, FormTranslations,
    Participation, Priority, Question, QuestionKind,
};
use std::collections::BTreeMap;

use super::forms_ar;

fn opt(key: &str, label: &str, picture: &str, emoji: &str) -> FormOption {
    FormOption {
        key: key.to_owned(),
        label: label.to_owned(),
        picture: Some(picture.to_owned()),
        emoji: Some(emoji.to_owned()),
    }
}

struct Q {
    key: &'static str,
    kind: QuestionKind,
    prompt: &'static str,
    help: Option<&'static str>,
    picture: &'static str,
    emoji: &'static str,
    priority: Option<Priority>,
    commitment: Option<Commitment>,
    options: Vec<FormOption>,
    comment: bool,
    max: Option<u32>,
}

impl Q {
    fn build(self) -> Question {
        Question {
            key: self.key.to_owned(),
            kind: self.kind,
            prompt: self.prompt.to_owned(),
            help: self.help.map(str::to_owned),
            picture: Some(self.picture.to_owned()),
            emoji: Some(self.emoji.to_owned()),
            priority: self.priority,
            commitment: self.commitment,
            options: self.options,
            allow_comment: self.comment,
            max_chars: self.max,
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn faces_q(
    key: &'static str,
    prompt: &'static str,
    help: Option<&'static str>,
    picture: &'static str,
    emoji: &'static str,
    priority: Priority,
    commitment: Option<Commitment>,
    labels: [&str; 5],
    comment: bool,
) -> Question {
    Q {
        key,
        kind: QuestionKind::Faces,
        prompt,
        help,
        picture,
        emoji,
        priority: Some(priority),
        commitment,
        options: faces(labels),
        comment,
        max: comment.then_some(500),
    }
    .build()
}

fn text_q(
    key: &'static str,
    prompt: &'static str,
    help: Option<&'static str>,
    picture: &'static str,
    emoji: &'static str,
    priority: Option<Priority>,
    max: u32,
) -> Question {
    Q {
        key,
        kind: QuestionKind::Text,
        prompt,
        help,
        picture,
        emoji,
        priority,
        commitment: None,
        options: vec![],
        comment: false,
        max: Some(max),
    }
    .build()
}

#[allow(clippy::too_many_arguments)]
fn choice_q(
    key: &'static str,
    kind: QuestionKind,
    prompt: &'static str,
    help: Option<&'static str>,
    picture: &'static str,
    emoji: &'static str,
    priority: Option<Priority>,
    options: Vec<FormOption>,
    comment: bool,
) -> Question {
    Q {
        key,
        kind,
        prompt,
        help,
        picture,
        emoji,
        priority,
        commitment: (key == "take_part").then_some(Commitment::RightsAndResponsibilities),
        options,
        comment,
        max: comment.then_some(300),
    }
    .build()
}

/// How the young person wants to take part; keys match [`Participation`].
fn take_part(young: bool) -> Vec<FormOption> {
    let p = |p: Participation| p.as_str();
    if young {
        vec![
            opt(
                p(Participation::Attend),
                "Come to the meeting",
                "meeting",
                "🙋",
            ),
            opt(
                p(Participation::SendViews),
                "Send my pictures and words instead",
                "letter",
                "💌",
            ),
            opt(
                p(Participation::NotDecided),
                "I'm not sure yet",
                "thinking",
                "🤔",
            ),
        ]
    } else {
        vec![
            opt(
                p(Participation::Attend),
                "Come to the meeting",
                "meeting",
                "🙋",
            ),
            opt(
                p(Participation::Chair),
                "Chair the meeting (be in charge, with help)",
                "chair",
                "🪑",
            ),
            opt(
                p(Participation::Lead),
                "Lead part of it (start it, or say my views myself)",
                "speak",
                "🎤",
            ),
            opt(
                p(Participation::SendViews),
                "Send my views instead of coming",
                "letter",
                "💌",
            ),
            opt(
                p(Participation::NotDecided),
                "I'm not sure yet",
                "thinking",
                "🤔",
            ),
        ]
    }
}

fn under_8() -> FormDefinition {
    let f = ["Very sad", "Sad", "In the middle", "Happy", "Very happy"];
    FormDefinition {
        key: FormKey::Under8,
        title: "All about me, for my review".to_owned(),
        intro: "Your review is a meeting about you. Tap a face for each picture. You can skip any you like.".to_owned(),
        with_adult: Some("Do this with a grown-up you trust. They can read the words to you and write down what you say.".to_owned()),
        questions: vec![
            faces_q("where_i_live", "How do you feel about your home?", None, "house", "🏠", Priority::BeingLookedAfter, None, f, false),
            faces_q("school", "How do you feel about school or nursery?", None, "school", "🏫", Priority::EducationHealthSafety, Some(Commitment::SucceedAtSchool), f, false),
            faces_q("health", "How do you feel in your body?", Some("Are you sleeping and eating well?"), "heart", "❤️", Priority::EducationHealthSafety, Some(Commitment::HealthyLife), f, false),
            faces_q("family_time", "How do you feel about seeing your family?", None, "family", "👪", Priority::SafeCaringRelationships, Some(Commitment::UnderstandMyPast), f, false),
            faces_q("social_worker", "How do you feel about your social worker?", None, "helper", "🧑", Priority::SocialWorkers, Some(Commitment::BeThereForMe), f, false),
            faces_q("safe", "How safe do you feel?", None, "shield", "🛡️", Priority::SafeCaringRelationships, Some(Commitment::KeepMeSafe), f, false),
            choice_q("talk_about", QuestionKind::ManyChoices, "What do you want to talk about?", Some("Pick as many as you like."), "speech", "💬", Some(Priority::BeingLookedAfter), vec![
                opt("home", "My home", "house", "🏠"),
                opt("school", "School", "school", "🏫"),
                opt("family", "My family", "family", "👪"),
                opt("friends", "My friends", "friends", "🧒"),
                opt("play", "Playing and clubs", "ball", "⚽"),
                opt("feelings", "My feelings", "feelings", "💭"),
            ], true),
            choice_q("who_there", QuestionKind::ManyChoices, "Who do you want at your meeting?", Some("Pick as many as you like."), "people", "👥", Some(Priority::SafeCaringRelationships), vec![
                opt("carer", "The people I live with", "house", "🏡"),
                opt("social_worker", "My social worker", "helper", "🧑"),
                opt("parent", "My mum or dad", "parent", "👩"),
                opt("brothers_sisters", "My brothers or sisters", "children", "👧"),
                opt("teacher", "My teacher", "teacher", "🍎"),
                opt("someone_else", "Someone else", "star", "⭐"),
            ], true),
            choice_q("take_part", QuestionKind::OneChoice, "How do you want to join your meeting?", None, "meeting", "🙋", Some(Priority::SafeCaringRelationships), take_part(true), false),
            text_q("better", "What would make things better?", Some("You can draw it. Your grown-up can write it down."), "star", "⭐", None, 500),
        ],
        translations: FormTranslations::new(),
    }
}

fn from_8_to_11() -> FormDefinition {
    let f = ["Really unhappy", "Unhappy", "OK", "Happy", "Really happy"];
    FormDefinition {
        key: FormKey::From8To11,
        title: "My review: what I think".to_owned(),
        intro: "Your review is a meeting to check that your plan is working for you. Tell your IRO what you think. You can skip any question.".to_owned(),
        with_adult: None,
        questions: vec![
            faces_q("where_i_live", "How do you feel about where you live?", Some("You can say why, if you want to."), "house", "🏠", Priority::BeingLookedAfter, None, f, true),
            faces_q("school", "How is school going?", Some("Think about lessons, friends and help in class."), "school", "🏫", Priority::EducationHealthSafety, Some(Commitment::SucceedAtSchool), f, true),
            faces_q("health", "How do you feel about your health?", Some("Think about sleep, food and feeling well."), "heart", "❤️", Priority::EducationHealthSafety, Some(Commitment::HealthyLife), f, true),
            faces_q("family_time", "How do you feel about family time?", Some("This means seeing or talking to your family."), "family", "👪", Priority::SafeCaringRelationships, Some(Commitment::UnderstandMyPast), f, true),
            faces_q("social_worker", "How do you feel about your social worker?", Some("Do they listen to you and help you?"), "helper", "🧑", Priority::SocialWorkers, Some(Commitment::BeThereForMe), f, true),
            faces_q("safe", "How safe do you feel?", None, "shield", "🛡️", Priority::SafeCaringRelationships, Some(Commitment::KeepMeSafe), f, true),
            faces_q("understand_plan", "Do you understand your plan?", Some("Your plan says what will happen for you now and next."), "map", "🗺️", Priority::BeingLookedAfter, Some(Commitment::RightsAndResponsibilities), ["Not at all", "A little", "Some of it", "Most of it", "All of it"], true),
            text_q("talk_about", "What do you want to talk about at your review?", None, "speech", "💬", Some(Priority::BeingLookedAfter), 1000),
            choice_q("who_there", QuestionKind::ManyChoices, "Who do you want at your review?", Some("Pick as many as you like."), "people", "👥", Some(Priority::SafeCaringRelationships), vec![
                opt("carer", "The people I live with", "house", "🏡"),
                opt("social_worker", "My social worker", "helper", "🧑"),
                opt("parent", "My mum or dad", "parent", "👩"),
                opt("brothers_sisters", "My brothers or sisters", "children", "👧"),
                opt("teacher", "My teacher", "teacher", "🍎"),
                opt("advocate", "An advocate (someone who helps me speak up)", "megaphone", "📣"),
                opt("someone_else", "Someone else", "star", "⭐"),
            ], true),
            choice_q("take_part", QuestionKind::OneChoice, "How do you want to take part?", None, "meeting", "🙋", Some(Priority::SafeCaringRelationships), take_part(false), false),
            text_q("better", "What would make things better?", None, "star", "⭐", None, 1000),
        ],
        translations: FormTranslations::new(),
    }
}

fn from_12_to_17() -> FormDefinition {
    let f = ["Really bad", "Not good", "OK", "Good", "Really good"];
    FormDefinition {
        key: FormKey::From12To17,
        title: "My views for my review".to_owned(),
        intro: "This is your chance to say what is working and what is not, before your review. Only the people you choose will read it. Skip anything you don't want to answer.".to_owned(),
        with_adult: None,
        questions: vec![
            faces_q("where_i_live", "How do you feel about where you live?", None, "house", "🏠", Priority::BeingLookedAfter, None, f, true),
            faces_q("school", "How are school, college or training going?", None, "school", "🏫", Priority::EducationHealthSafety, Some(Commitment::SucceedAtSchool), f, true),
            faces_q("health", "How do you feel about your health and wellbeing?", Some("Think about sleep, food, your body and your mind."), "heart", "❤️", Priority::EducationHealthSafety, Some(Commitment::HealthyLife), f, true),
            faces_q("family_time", "How do you feel about time with your family?", None, "family", "👪", Priority::SafeCaringRelationships, Some(Commitment::UnderstandMyPast), f, true),
            faces_q("social_worker", "How do you feel about your social worker?", Some("Do they listen, and do they do what they say?"), "helper", "🧑", Priority::SocialWorkers, Some(Commitment::BeThereForMe), f, true),
            faces_q("safe", "How safe do you feel?", None, "shield", "🛡️", Priority::SafeCaringRelationships, Some(Commitment::KeepMeSafe), f, true),
            faces_q("understand_plan", "How well do you understand your plan?", None, "map", "🗺️", Priority::BeingLookedAfter, Some(Commitment::RightsAndResponsibilities), ["Not at all", "A little", "Some of it", "Most of it", "All of it"], true),
            faces_q("future", "How do you feel about your future?", Some("Think about your plans for when you are older."), "road", "🛣️", Priority::IndependentAdult, None, f, true),
            text_q("talk_about", "What do you want to talk about at your review?", None, "speech", "💬", Some(Priority::BeingLookedAfter), 2000),
            choice_q("who_there", QuestionKind::ManyChoices, "Who do you want at your review?", Some("Pick as many as you like."), "people", "👥", Some(Priority::SafeCaringRelationships), vec![
                opt("carer", "The people I live with", "house", "🏡"),
                opt("social_worker", "My social worker", "helper", "🧑"),
                opt("parent", "My mum or dad", "parent", "👩"),
                opt("brothers_sisters", "My brothers or sisters", "children", "👧"),
                opt("teacher", "Someone from school or college", "teacher", "🍎"),
                opt("advocate", "An advocate (someone who helps me speak up)", "megaphone", "📣"),
                opt("friend", "A friend or someone I trust", "friends", "🤝"),
                opt("someone_else", "Someone else", "star", "⭐"),
            ], true),
            choice_q("take_part", QuestionKind::OneChoice, "How do you want to take part?", None, "meeting", "🙋", Some(Priority::SafeCaringRelationships), take_part(false), false),
            text_q("better", "What would make things better?", None, "star", "⭐", None, 2000),
        ],
        translations: FormTranslations::new(),
    }
}

fn care_leaver() -> FormDefinition {
    let f = ["Really bad", "Not good", "OK", "Good", "Really good"];
    FormDefinition {
        key: FormKey::CareLeaver,
        title: "My pathway plan review".to_owned(),
        intro: "Your pathway plan review checks that your plan is still right for you. Say what is going well and what needs to change. Skip anything you like.".to_owned(),
        with_adult: None,
        questions: vec![
            faces_q("where_i_live", "How do you feel about where you live now?", None, "house", "🏠", Priority::IndependentAdult, None, f, true),
            faces_q("work_study", "How are college, university, training or work going?", None, "school", "🎓", Priority::EducationHealthSafety, Some(Commitment::SucceedAtSchool), f, true),
            faces_q("money", "How are you managing with money?", None, "coins", "💷", Priority::IndependentAdult, None, f, true),
            faces_q("health", "How do you feel about your health and wellbeing?", None, "heart", "❤️", Priority::EducationHealthSafety, Some(Commitment::HealthyLife), f, true),
            faces_q("family_time", "How do you feel about the people in your life?", Some("Family, friends and people you trust."), "family", "👪", Priority::SafeCaringRelationships, Some(Commitment::UnderstandMyPast), f, true),
            faces_q("personal_adviser", "How do you feel about the help from your personal adviser?", None, "helper", "🧑", Priority::SocialWorkers, Some(Commitment::BeThereForMe), f, true),
            faces_q("support_known", "Do you know what help you can get, and where to go when things are hard?", None, "signpost", "🪧", Priority::IndependentAdult, Some(Commitment::RightsAndResponsibilities), ["Not at all", "A little", "Some of it", "Most of it", "All of it"], true),
            text_q("talk_about", "What do you want to talk about at your review?", None, "speech", "💬", Some(Priority::IndependentAdult), 2000),
            choice_q("who_there", QuestionKind::ManyChoices, "Who do you want at your review?", Some("Pick as many as you like."), "people", "👥", Some(Priority::SafeCaringRelationships), vec![
                opt("personal_adviser", "My personal adviser", "helper", "🧑"),
                opt("social_worker", "My social worker", "helper", "🧑"),
                opt("support_worker", "The staff member who helps me most", "helper", "🤝"),
                opt("family", "Someone from my family", "family", "👪"),
                opt("friend", "A friend or partner", "friends", "🤝"),
                opt("advocate", "An advocate (someone who helps me speak up)", "megaphone", "📣"),
                opt("someone_else", "Someone else", "star", "⭐"),
            ], true),
            choice_q("take_part", QuestionKind::OneChoice, "How do you want to take part?", None, "meeting", "🙋", Some(Priority::IndependentAdult), take_part(false), false),
            text_q("better", "What would make things better?", None, "star", "⭐", None, 2000),
        ],
        translations: FormTranslations::new(),
    }
}

/// The Arabic for this form's texts (those of [`forms_ar::ARABIC`] that
/// are on it).
fn arabic_for(
    title: &str,
    intro: &str,
    with_adult: Option<&str>,
    questions: &[Question],
) -> FormTranslations {
    let all: BTreeMap<String, String> = forms_ar::ARABIC
        .iter()
        .map(|(en, ar)| ((*en).to_owned(), (*ar).to_owned()))
        .collect();
    tidy_translations(
        title,
        intro,
        with_adult,
        questions,
        &BTreeMap::from([(Language::Ar.as_str().to_owned(), all)]),
    )
}

fn with_arabic(mut def: FormDefinition) -> FormDefinition {
    def.translations = arabic_for(
        &def.title,
        &def.intro,
        def.with_adult.as_deref(),
        &def.questions,
    );
    def
}

/// The four forms as first published, with their Arabic.
pub fn forms() -> Vec<FormDefinition> {
    [under_8(), from_8_to_11(), from_12_to_17(), care_leaver()]
        .into_iter()
        .map(with_arabic)
        .collect()
}

/// Version 1 of each form for every council that has none. Safe to run at
/// every start.
pub async fn seed(db: &impl ConnectionTrait) -> Result<(), DbErr> {
    for council in councils::list(db).await? {
        seed_council(db, council.id).await?;
    }
    Ok(())
}

/// Version 1 of each form for one council, when it has none (a new
/// council, from `backend council create`).
pub async fn seed_council(db: &impl ConnectionTrait, council_id: i32) -> Result<(), DbErr> {
    let now = Utc::now();
    for def in forms() {
        if repo::latest_form(db, council_id, def.key.as_str())
            .await?
            .is_none()
        {
            publish(db, council_id, &def, None, now)
                .await
                .map_err(|e| DbErr::Custom(e.to_string()))?;
        } else {
            add_arabic(db, council_id, def.key).await?;
        }
    }
    Ok(())
}

/// A current version published before forms had translations gets the
/// seed's Arabic for each of its texts that still reads as seeded; a text
/// an administrator has reworded stays English.
async fn add_arabic(db: &impl ConnectionTrait, council_id: i32, key: FormKey) -> Result<(), DbErr> {
    let Some(f) = repo::latest_form(db, council_id, key.as_str()).await? else {
        return Ok(());
    };
    if f.translations_json.is_some() {
        return Ok(());
    }
    let Ok(questions) = serde_json::from_str::<Vec<Question>>(&f.questions_json) else {
        return Ok(());
    };
    let arabic = arabic_for(&f.title, &f.intro, f.with_adult.as_deref(), &questions);
    if arabic.is_empty() {
        return Ok(());
    }
    let json = serde_json::to_string(&arabic).map_err(|e| DbErr::Custom(e.to_string()))?;
    repo::add_form_translations(db, f.id, json).await
}

// -------------------------------------------------------------------- demo

fn months_ago(today: NaiveDate, months: u32, extra_days: i64) -> NaiveDate {
    today
        .checked_sub_months(Months::new(months))
        .unwrap_or(today)
        - Duration::days(extra_days)
}

async fn person(
    db: &impl ConnectionTrait,
    council_id: i32,
    name: &str,
) -> Result<Option<young_person::Model>, DbErr> {
    young_person::Entity::find()
        .filter(young_person::Column::AuthorityId.eq(council_id))
        .filter(young_person::Column::PreferredName.eq(name))
        .one(db)
        .await
}

/// A held review with what was decided, in plain words.
struct Held {
    name: &'static str,
    ago: (u32, i64),
    outcomes: &'static str,
    decisions: &'static str,
    chair: &'static str,
}

/// Demo reviews (DEMO_DATA only), in the demo seed's transaction. Past
/// dates count back from today so the overdue states stay true: Mia's and
/// Marcus's reviews are overdue, Leo's is booked in 10 days.
pub async fn demo_reviews(db: &impl ConnectionTrait, council_id: i32) -> Result<(), DbErr> {
    let now = Utc::now();
    let today = now.date_naive();
    let iro = accounts::by_username(db, "demo-iro").await?.map(|a| a.id);
    let pa = accounts::by_username(db, "demo-pa").await?.map(|a| a.id);
    let chair = |who: &str| if who == "pa" { pa } else { iro };
    let held = [
        // Leo came into care a year ago: first, second and a six-monthly
        // review held; the next is booked below.
        Held {
            name: "Leo",
            ago: (11, 5),
            chair: "iro",
            outcomes: "We met at your home. You said you like living with your carers.",
            decisions: "You will stay where you are. You will see your mum every two weeks.",
        },
        Held {
            name: "Leo",
            ago: (8, 10),
            chair: "iro",
            outcomes: "You told us school is going well. You want to join the football club.",
            decisions: "Your carer will find a football club for you.",
        },
        Held {
            name: "Leo",
            ago: (2, 20),
            chair: "iro",
            outcomes: "You said you miss your brother. You are happy at home.",
            decisions: "Sam will set up time with your brother once a month.",
        },
        // Mia: the last review was seven months ago, so one is overdue.
        Held {
            name: "Mia",
            ago: (23, 0),
            chair: "iro",
            outcomes: "You told us about your new home.",
            decisions: "You will stay with your carers.",
        },
        Held {
            name: "Mia",
            ago: (20, 0),
            chair: "iro",
            outcomes: "You said you like your carers.",
            decisions: "You will see your dad once a month.",
        },
        Held {
            name: "Mia",
            ago: (14, 0),
            chair: "iro",
            outcomes: "You showed us your drawings.",
            decisions: "You will start at your new school in September.",
        },
        Held {
            name: "Mia",
            ago: (7, 0),
            chair: "iro",
            outcomes: "You showed us your drawings. You like your new bedroom.",
            decisions: "You will keep living with your carers. You will start swimming lessons.",
        },
        Held {
            name: "Aisha",
            ago: (8, 0),
            chair: "iro",
            outcomes: "You said you are happy with your carers.",
            decisions: "You will stay where you are.",
        },
        Held {
            name: "Aisha",
            ago: (2, 0),
            chair: "iro",
            outcomes: "You said school is hard sometimes. You like art.",
            decisions: "Your school will give you extra help with maths.",
        },
        Held {
            name: "Tyler",
            ago: (11, 0),
            chair: "iro",
            outcomes: "You told us you want to go to college.",
            decisions: "Sam will help you apply.",
        },
        Held {
            name: "Tyler",
            ago: (5, 0),
            chair: "iro",
            outcomes: "We talked about college and about moving on from care.",
            decisions: "Jo will help you look at places to live for when you are 18.",
        },
        Held {
            name: "Riley",
            ago: (11, 0),
            chair: "iro",
            outcomes: "You told us what you like to eat and do.",
            decisions: "You will stay with your carers for now.",
        },
        Held {
            name: "Riley",
            ago: (8, 0),
            chair: "iro",
            outcomes: "You said you miss your old school.",
            decisions: "Alex will ask if you can visit your old friends.",
        },
        Held {
            name: "Riley",
            ago: (4, 0),
            chair: "iro",
            outcomes: "You said you are settling in well.",
            decisions: "You will stay with your carers.",
        },
        Held {
            name: "Jordan",
            ago: (17, 15),
            chair: "iro",
            outcomes: "You told us about your football team.",
            decisions: "You will keep playing on Saturdays.",
        },
        Held {
            name: "Jordan",
            ago: (11, 15),
            chair: "iro",
            outcomes: "You said you like your carers.",
            decisions: "You will stay where you are.",
        },
        Held {
            name: "Jordan",
            ago: (5, 15),
            chair: "iro",
            outcomes: "You told us you want to see your gran more.",
            decisions: "Alex will ask your gran about visits.",
        },
        Held {
            name: "Priya",
            ago: (3, 0),
            chair: "pa",
            outcomes: "University is going well. Money is tight at the end of term.",
            decisions: "Jo will check you get your bursary on time.",
        },
        // Marcus: seven months since his pathway plan review: overdue.
        Held {
            name: "Marcus",
            ago: (7, 10),
            chair: "pa",
            outcomes: "You are working and you like your flat.",
            decisions: "Jo will help you with your council tax letter.",
        },
    ];
    for h in held {
        let Some(y) = person(db, council_id, h.name).await? else {
            continue;
        };
        let date = months_ago(today, h.ago.0, h.ago.1);
        let leaver = matches!(h.name, "Priya" | "Marcus");
        let r = reviews::insert(
            db,
            reviews::NewReviewRow {
                authority_id: council_id,
                young_person_id: y.id,
                kind: if leaver { "pathway_plan" } else { "subsequent" },
                status: shared::reviews::ReviewStatus::Booked,
                scheduled_on: date,
                start_minute: Some(16 * 60),
                end_minute: Some(17 * 60),
                place: "At home",
                invited_json: "[]".to_owned(),
                participation: Participation::Attend,
                brought_forward: false,
                chair_account_id: chair(h.chair),
                created_by: chair(h.chair).unwrap_or(0),
            },
            now,
        )
        .await?;
        reviews::record_outcome(
            db,
            r.id,
            reviews::OutcomeWrite {
                held_on: date,
                outcomes: h.outcomes.to_owned(),
                decisions: h.decisions.to_owned(),
                override_reason: None,
                by: chair(h.chair).unwrap_or(0),
            },
            now,
        )
        .await?;
    }
    // Leo's next review, about 10 days ahead, chaired by demo-iro; Tyler's
    // in three weeks.
    for (name, days, place, invited) in [
        (
            "Leo",
            10,
            "At home, in the living room",
            vec![
                "You",
                "Your carers",
                "Sam, your social worker",
                "Chris, your IRO",
            ],
        ),
        (
            "Tyler",
            21,
            "At college, in the meeting room",
            vec![
                "You",
                "Sam, your social worker",
                "Jo, your personal adviser",
                "Chris, your IRO",
            ],
        ),
    ] {
        let Some(y) = person(db, council_id, name).await? else {
            continue;
        };
        reviews::insert(
            db,
            reviews::NewReviewRow {
                authority_id: council_id,
                young_person_id: y.id,
                kind: "subsequent",
                status: shared::reviews::ReviewStatus::Booked,
                scheduled_on: today + Duration::days(days),
                start_minute: Some(16 * 60),
                end_minute: Some(17 * 60),
                place,
                invited_json: serde_json::to_string(&invited).unwrap_or_else(|_| "[]".to_owned()),
                participation: Participation::NotDecided,
                brought_forward: false,
                chair_account_id: iro,
                created_by: iro.unwrap_or(0),
            },
            now,
        )
        .await?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;
    use shared::people::AgeBand;
    use shared::reviews::form_texts;

    #[test]
    fn every_text_of_every_seeded_form_has_its_arabic() {
        for def in forms() {
            let texts = form_texts(
                &def.title,
                &def.intro,
                def.with_adult.as_deref(),
                &def.questions,
            );
            let arabic = &def.translations["ar"];
            for text in texts.keys() {
                let words = arabic
                    .get(*text)
                    .unwrap_or_else(|| panic!("{:?}: no Arabic for {text:?}", def.key));
                // Arabic letters, not English left behind.
                assert!(
                    words
                        .chars()
                        .any(|c| ('\u{0600}'..='\u{06FF}').contains(&c)),
                    "{text:?} -> {words:?}"
                );
            }
            assert_eq!(arabic.len(), texts.len(), "{:?}", def.key);
        }
        // No entry of the table is left unused or given twice.
        let used: std::collections::BTreeSet<String> = forms()
            .iter()
            .flat_map(|d| d.translations["ar"].keys().cloned().collect::<Vec<_>>())
            .collect();
        let table: std::collections::BTreeSet<&str> =
            forms_ar::ARABIC.iter().map(|(en, _)| *en).collect();
        assert_eq!(table.len(), forms_ar::ARABIC.len(), "an English text twice");
        for en in table {
            assert!(used.contains(en), "{en:?} is on no seeded form");
        }
    }

    #[test]
    fn the_seeded_forms_are_valid_and_plain_for_their_readers() {
        for def in forms() {
            shared::reviews::validate_form(&def).unwrap();
            let band = match def.key {
                FormKey::Under8 => AgeBand::Under8,
                FormKey::From8To11 => AgeBand::From8To11,
                FormKey::From12To17 => AgeBand::From12To17,
                FormKey::CareLeaver => AgeBand::From18To25,
            };
            let mut texts = vec![def.title.clone(), def.intro.clone()];
            for q in &def.questions {
                texts.push(q.prompt.clone());
                texts.extend(q.help.clone());
                texts.extend(q.options.iter().map(|o| o.label.clone()));
            }
            for t in texts {
                let r = shared::plain_language::check(&t, band);
                assert!(r.passes, "{:?} {t}: {:?}", def.key, r.issues);
            }
            // The questions the issue asks for are on every form.
            for key in [
                "where_i_live",
                "health",
                "family_time",
                "talk_about",
                "who_there",
                "better",
            ] {
                assert!(
                    def.questions.iter().any(|q| q.key == key),
                    "{:?} {key}",
                    def.key
                );
            }
            // Every face and picture option has a key the app can draw.
            for q in &def.questions {
                assert!(q.picture.is_some());
                assert!(q
                    .options
                    .iter()
                    .all(|o| o.picture.is_some() && o.emoji.is_some()));
            }
            // The five priorities are all asked about somewhere.
        }
        for p in Priority::ALL {
            assert!(
                forms()
                    .iter()
                    .any(|f| f.questions.iter().any(|q| q.priority == Some(p))),
                "{p:?}"
            );
        }
    }
}
