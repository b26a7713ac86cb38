//! The local offer (issue 4): the public offer, "My offer" and "coming up",
//! search, circumstances, "Ask about this" from the young person to their
//! worker and back, and the administrator's versioned edits.

#![allow(clippy::expect_used, clippy::unwrap_used)]

use reqwest::Method;
use serde_json::{json as j, Value};
use shared::api::ErrorBody;
use shared::eligibility::{AmountIs, Payment};
use shared::offer::{
    AdminOffer, Circumstances, EntitlementChange, MyOffer, MyOfferEntry, MyOfferSearch,
    OfferRequestView, PublicOffer, RequestStatus,
};
use shared::people::CareLeaverCategory;
use tests::{json, spawn_demo_app, StatusCode, TestApp};

fn applying(offer: &MyOffer) -> Vec<&MyOfferEntry> {
    offer.areas.iter().flat_map(|a| a.entries.iter()).collect()
}

fn find<'a>(entries: &[&'a MyOfferEntry], id: &str) -> Option<&'a MyOfferEntry> {
    entries
        .iter()
        .find(|e| e.entry.entitlement.id == id)
        .copied()
}

async fn my_offer(app: &TestApp, token: &str) -> MyOffer {
    let res = app.get_as("/api/me/offer", token).await;
    assert_eq!(res.status(), StatusCode::OK);
    json(res).await
}

async fn notifications(app: &TestApp, token: &str) -> Vec<Value> {
    json(app.get_as("/api/me/notifications", token).await).await
}

async fn error(res: reqwest::Response, status: StatusCode) -> ErrorBody {
    assert_eq!(res.status(), status);
    json(res).await
}

async fn ask(app: &TestApp, token: &str, id: &str, message: Option<&str>) -> reqwest::Response {
    app.send_as(
        Method::POST,
        "/api/me/offer/requests",
        token,
        &j!({"entitlement_id": id, "message": message}),
    )
    .await
}

async fn answer(
    app: &TestApp,
    token: &str,
    request: &str,
    status: &str,
    message: Option<&str>,
) -> reqwest::Response {
    app.send_as(
        Method::PATCH,
        &format!("/api/offer/requests/{request}"),
        token,
        &j!({"status": status, "message": message}),
    )
    .await
}

#[tokio::test]
async fn the_whole_offer_can_be_read_without_logging_in() {
    let app = spawn_demo_app().await;
    let res = app.get("/api/councils/bexley/offer").await;
    assert_eq!(res.status(), StatusCode::OK);
    let offer: PublicOffer = json(res).await;
    assert_eq!(offer.council.duty_phone, "020 8303 7777");
    assert_eq!(offer.sections.len(), 8);
    assert_eq!(offer.sections[0].title, "Your home");
    let all: Vec<_> = offer.sections.iter().flat_map(|s| &s.entries).collect();
    assert!(all.len() >= 25, "{} entitlements", all.len());
    for area in shared::eligibility::OfferArea::ALL {
        assert!(
            all.iter().any(|e| e.entitlement.area == area),
            "{area:?} has nothing"
        );
    }
    let get = |id: &str| {
        all.iter()
            .find(|e| e.entitlement.id == id)
            .unwrap_or_else(|| panic!("no {id}"))
    };
    let home = get("setting-up-home");
    assert_eq!(home.entitlement.amount.map(|m| m.pence), Some(300_000));
    assert_eq!(home.entitlement.amount_is, AmountIs::AtLeast);
    assert_eq!(
        home.amount_text.as_deref(),
        Some("At least £3,000, paid once.")
    );
    assert!(!home.updated);
    let app_bursary = get("apprenticeship-bursary");
    assert!(matches!(
        &app_bursary.entitlement.payment,
        Payment::Instalments { count: 3, days_in, .. } if days_in == &vec![60, 120, 300]
    ));
    assert_eq!(
        get("bursary-16-19").amount_text.as_deref(),
        Some("Up to £1,200 a year.")
    );
    assert!(get("driving-lessons").example_figures);
    assert!(!get("he-bursary").example_figures);

    // Search, without logging in either.
    let res = app.get("/api/councils/bexley/offer?q=bus").await;
    let found: PublicOffer = json(res).await;
    let hits: Vec<_> = found.sections.iter().flat_map(|s| &s.entries).collect();
    assert_eq!(
        hits.first().map(|e| e.entitlement.id.as_str()),
        Some("travel-discount")
    );
    assert!(hits.len() < all.len());
    let res = app.get("/api/councils/bexley/offer?q=%20").await;
    assert_eq!(
        error(res, StatusCode::UNPROCESSABLE_ENTITY)
            .await
            .field
            .as_deref(),
        Some("q")
    );

    assert_eq!(
        app.get("/api/councils/nowhere/offer").await.status(),
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn a_19_year_old_at_university_sees_the_he_bursary_and_council_tax() {
    let app = spawn_demo_app().await;
    let priya = app.login("demo-leaver-19").await.access_token;
    let offer = my_offer(&app, &priya).await;
    assert_eq!(offer.age, 19);
    assert_eq!(offer.category, CareLeaverCategory::FormerRelevant);
    assert!(offer.circumstances.in_higher_education && offer.circumstances.lives_in_borough);
    let mine = applying(&offer);

    let he = find(&mine, "he-bursary").expect("the HE bursary is for Priya");
    assert_eq!(he.entry.entitlement.amount.map(|m| m.pence), Some(200_000));
    assert_eq!(he.entry.amount_text.as_deref(), Some("£2,000, paid once."));
    assert!(he.for_me.applies);
    assert!(he.for_me.reasons.iter().all(|r| r.met));

    let tax = find(&mine, "council-tax").expect("council tax is for Priya");
    assert_eq!(tax.entry.entitlement.payment, Payment::NotMoney);
    assert_eq!(tax.entry.amount_text, None);
    assert_eq!(tax.entry.section_title, "Money");

    assert!(find(&mine, "bursary-16-19").is_none());
    assert!(!offer
        .coming_up
        .iter()
        .any(|e| e.entry.entitlement.id == "bursary-16-19"));
    assert!(find(&mine, "setting-up-home").is_some());
    // Grouped by area, in the Act's order, no empty groups.
    let areas: Vec<_> = offer.areas.iter().map(|a| a.area).collect();
    let mut sorted = areas.clone();
    sorted.sort();
    assert_eq!(areas, sorted);
    assert!(offer.areas.iter().all(|a| !a.entries.is_empty()));
    // Never asked about anything yet.
    assert_eq!(offer.not_claimed_yet.len(), mine.len());
    assert!(offer.not_claimed_yet.contains(&"he-bursary".to_owned()));

    // Her personal adviser sees the same offer; another worker does not.
    let pa = app.login("demo-pa").await.access_token;
    let id = app.person_id(&pa, "Priya").await;
    let res = app.get_as(&format!("/api/people/{id}/offer"), &pa).await;
    assert_eq!(res.status(), StatusCode::OK);
    let seen: MyOffer = json(res).await;
    assert_eq!(seen.young_person_id, id);
    let sw = app.login("demo-sw").await.access_token;
    assert_eq!(
        app.get_as(&format!("/api/people/{id}/offer"), &sw)
            .await
            .status(),
        StatusCode::NOT_FOUND
    );
    // Staff have no offer of their own.
    assert_eq!(
        app.get_as("/api/me/offer", &pa).await.status(),
        StatusCode::NOT_FOUND
    );

    // Search: everything that matches, saying whether it is for her.
    let res = app.get_as("/api/me/offer/search?q=uni", &priya).await;
    let s: MyOfferSearch = json(res).await;
    let top: Vec<&str> = s
        .results
        .iter()
        .take(2)
        .map(|r| r.entry.entitlement.id.as_str())
        .collect();
    assert!(top.contains(&"he-bursary"), "{top:?}");
    assert!(top.contains(&"holiday-housing"), "{top:?}");
    assert!(s.results.iter().take(2).all(|r| r.for_me.applies));
    let res = app.get_as("/api/me/offer/search?q=bursary", &priya).await;
    let s: MyOfferSearch = json(res).await;
    let young = s
        .results
        .iter()
        .find(|r| r.entry.entitlement.id == "bursary-16-19")
        .expect("the 16-19 bursary is found");
    assert!(!young.for_me.applies);
    assert!(young.for_me.reasons.iter().any(|r| !r.met));
}

#[tokio::test]
async fn a_17_year_old_sees_what_is_coming_up_at_18() {
    let app = spawn_demo_app().await;
    let tyler = app.login("demo-teen-17").await.access_token;
    let offer = my_offer(&app, &tyler).await;
    assert_eq!(offer.age, 17);
    assert_eq!(offer.category, CareLeaverCategory::Eligible);
    let mine = applying(&offer);
    // In college: the 16-19 bursary is for him now.
    assert!(find(&mine, "bursary-16-19").is_some());
    assert!(find(&mine, "setting-up-home").is_none());

    let soon: Vec<&str> = offer
        .coming_up
        .iter()
        .map(|e| e.entry.entitlement.id.as_str())
        .collect();
    for id in [
        "setting-up-home",
        "staying-put",
        "junior-isa",
        "travel-discount",
    ] {
        assert!(soon.contains(&id), "{id} is not coming up: {soon:?}");
    }
    let home = offer
        .coming_up
        .iter()
        .find(|e| e.entry.entitlement.id == "setting-up-home")
        .expect("setting up home is coming up");
    let note = home.for_me.coming_up_note.clone().unwrap_or_default();
    assert!(note.starts_with("From your 18th birthday"), "{note}");
    let date = home.for_me.coming_up.expect("a date");
    assert!(date > chrono::Utc::now().date_naive());
    // Everything at 18 comes up on the same day; soonest first.
    let dates: Vec<_> = offer
        .coming_up
        .iter()
        .filter_map(|e| e.for_me.coming_up)
        .collect();
    let mut sorted = dates.clone();
    sorted.sort();
    assert_eq!(dates, sorted);
    // He does not live in Bexley (as far as the record says): no council tax.
    assert!(!soon.contains(&"council-tax"));

    // Asking about something coming up is refused in plain words, and
    // nothing is stored.
    let res = ask(&app, &tyler, "setting-up-home", None).await;
    let body = error(res, StatusCode::UNPROCESSABLE_ENTITY).await;
    assert_eq!(body.field.as_deref(), Some("entitlement_id"));
    assert!(
        body.message.contains("not for you at the moment"),
        "{}",
        body.message
    );
    assert!(body.message.contains("18th birthday"), "{}", body.message);
    let list: Vec<OfferRequestView> =
        json(app.get_as("/api/me/offer/requests", &tyler).await).await;
    assert!(list.is_empty());
}

#[tokio::test]
async fn asking_reaches_the_personal_adviser_and_the_answer_comes_back() {
    let app = spawn_demo_app().await;
    let priya = app.login("demo-leaver-19").await.access_token;
    let pa = app.login("demo-pa").await.access_token;
    let sw = app.login("demo-sw").await.access_token;

    let res = ask(&app, &priya, "he-bursary", Some("I start in September.")).await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let asked: OfferRequestView = json(res).await;
    assert_eq!(asked.status, RequestStatus::Asked);
    assert_eq!(asked.sent_to, shared::access::Relationship::PersonalAdviser);
    assert_eq!(asked.amount_text.as_deref(), Some("£2,000, paid once."));
    assert!(asked.open);

    // A second open request for the same thing: 409.
    let res = ask(&app, &priya, "he-bursary", None).await;
    assert_eq!(res.status(), StatusCode::CONFLICT);
    // Not for her: refused, nothing stored. Unknown: refused.
    let res = ask(&app, &priya, "bursary-16-19", None).await;
    let body = error(res, StatusCode::UNPROCESSABLE_ENTITY).await;
    assert_eq!(body.field.as_deref(), Some("entitlement_id"));
    assert!(
        body.message.contains("nothing was sent"),
        "{}",
        body.message
    );
    let res = ask(&app, &priya, "free-pony", None).await;
    assert_eq!(
        error(res, StatusCode::UNPROCESSABLE_ENTITY)
            .await
            .field
            .as_deref(),
        Some("entitlement_id")
    );
    let mine: Vec<OfferRequestView> =
        json(app.get_as("/api/me/offer/requests", &priya).await).await;
    assert_eq!(mine.len(), 1);
    // Staff cannot ask.
    let res = ask(&app, &pa, "he-bursary", None).await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);

    // It reaches the personal adviser's list, with a neutral notification.
    let list: Vec<OfferRequestView> = json(app.get_as("/api/offer/requests", &pa).await).await;
    let mine_there = list
        .iter()
        .find(|r| r.id == asked.id)
        .expect("the request is in the PA's list");
    assert_eq!(mine_there.young_person_name, "Priya");
    assert_eq!(mine_there.message.as_deref(), Some("I start in September."));
    let pa_notes = notifications(&app, &pa).await;
    let note = pa_notes
        .iter()
        .find(|n| n["kind"] == "offer_request")
        .expect("the PA is told");
    assert_eq!(note["title"], "New request about the local offer");
    // Not in another worker's list, and not theirs to answer.
    let other: Vec<OfferRequestView> = json(app.get_as("/api/offer/requests", &sw).await).await;
    assert!(other.iter().all(|r| r.id != asked.id));
    let res = answer(&app, &sw, &asked.id, "agreed", None).await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    // Young people and administrators have no such list.
    for who in [&priya, &app.login("demo-admin").await.access_token] {
        assert_eq!(
            app.get_as("/api/offer/requests", who).await.status(),
            StatusCode::NOT_FOUND
        );
    }

    // The PA moves it on; bad steps are refused.
    let res = answer(&app, &pa, &asked.id, "in_progress", None).await;
    assert_eq!(res.status(), StatusCode::OK);
    let res = answer(&app, &pa, &asked.id, "turned_down", None).await;
    assert_eq!(
        error(res, StatusCode::UNPROCESSABLE_ENTITY)
            .await
            .field
            .as_deref(),
        Some("message")
    );
    let res = answer(&app, &pa, &asked.id, "asked", None).await;
    assert_eq!(
        error(res, StatusCode::UNPROCESSABLE_ENTITY)
            .await
            .field
            .as_deref(),
        Some("status")
    );
    let res = answer(
        &app,
        &pa,
        &asked.id,
        "agreed",
        Some("Yes. I will send it next week."),
    )
    .await;
    assert_eq!(res.status(), StatusCode::OK);

    // The young person sees the news: status, the story, and a notification
    // whose title says nothing about what it is.
    let mine: Vec<OfferRequestView> =
        json(app.get_as("/api/me/offer/requests", &priya).await).await;
    assert_eq!(mine[0].status, RequestStatus::Agreed);
    assert_eq!(mine[0].status_text, "Agreed");
    assert_eq!(
        mine[0].answer.as_deref(),
        Some("Yes. I will send it next week.")
    );
    let steps: Vec<_> = mine[0].history.iter().map(|h| h.status).collect();
    assert_eq!(
        steps,
        vec![
            RequestStatus::Asked,
            RequestStatus::InProgress,
            RequestStatus::Agreed
        ]
    );
    assert_eq!(mine[0].history[0].by, None);
    assert!(mine[0].history[2]
        .by
        .as_deref()
        .unwrap_or_default()
        .contains("Jo Okafor"));
    let notes = notifications(&app, &priya).await;
    let updates: Vec<_> = notes
        .iter()
        .filter(|n| n["kind"] == "offer_request")
        .collect();
    assert_eq!(updates.len(), 2);
    for n in &updates {
        assert_eq!(n["title"], "You have an update");
    }
    assert!(updates[0]["body"]
        .as_str()
        .unwrap_or_default()
        .contains("Higher education bursary: agreed"));

    // Paid closes it; after that nothing more can happen to it, and she
    // could ask again.
    let res = answer(&app, &pa, &asked.id, "paid", None).await;
    let paid: OfferRequestView = json(res).await;
    assert_eq!(paid.status, RequestStatus::Paid);
    assert!(!paid.open);
    let res = answer(&app, &pa, &asked.id, "turned_down", Some("Sorry.")).await;
    assert_eq!(res.status(), StatusCode::CONFLICT);
    let open: Vec<OfferRequestView> = json(app.get_as("/api/offer/requests", &pa).await).await;
    assert!(open.iter().all(|r| r.id != asked.id));
    let all: Vec<OfferRequestView> = json(
        app.get_as("/api/offer/requests?include_closed=true", &pa)
            .await,
    )
    .await;
    assert!(all.iter().any(|r| r.id == asked.id));
    let offer = my_offer(&app, &priya).await;
    let he = find(&applying(&offer), "he-bursary")
        .expect("still for her")
        .clone();
    assert_eq!(he.request.map(|r| r.status), Some(RequestStatus::Paid));
    assert!(!offer.not_claimed_yet.contains(&"he-bursary".to_owned()));

    // The worker's reads and answers are in her "who looked" list.
    let views: Vec<shared::accounts::AccessEntry> =
        json(app.get_as("/api/me/record-views", &priya).await).await;
    assert!(views.iter().any(|v| v
        .text
        .contains("answered your request about the local offer")));
}

#[tokio::test]
async fn a_request_is_turned_down_with_a_reason_in_plain_words() {
    let app = spawn_demo_app().await;
    let marcus = app.login("demo-leaver-23").await.access_token;
    let pa = app.login("demo-pa").await.access_token;
    // Marcus works, so driving lessons are for him.
    let res = ask(&app, &marcus, "driving-lessons", None).await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let r: OfferRequestView = json(res).await;
    // Jargon in the reason is refused, with the field named.
    let res = answer(
        &app,
        &pa,
        &r.id,
        "turned_down",
        Some("This was decided at your LAC review."),
    )
    .await;
    assert_eq!(
        error(res, StatusCode::UNPROCESSABLE_ENTITY)
            .await
            .field
            .as_deref(),
        Some("message")
    );
    let reason = "We paid for 20 lessons last year, and that is the most we can pay.";
    let res = answer(&app, &pa, &r.id, "turned_down", Some(reason)).await;
    assert_eq!(res.status(), StatusCode::OK);
    let mine: Vec<OfferRequestView> =
        json(app.get_as("/api/me/offer/requests", &marcus).await).await;
    assert_eq!(mine[0].status, RequestStatus::TurnedDown);
    assert_eq!(mine[0].status_text, "Turned down");
    assert_eq!(mine[0].answer.as_deref(), Some(reason));
    assert!(!mine[0].open);
}

#[tokio::test]
async fn circumstances_set_by_the_worker_change_the_offer() {
    let app = spawn_demo_app().await;
    let marcus = app.login("demo-leaver-23").await.access_token;
    let pa = app.login("demo-pa").await.access_token;
    let id = app.person_id(&pa, "Marcus").await;
    let before = my_offer(&app, &marcus).await;
    assert!(before.circumstances.in_work);
    assert!(find(&applying(&before), "council-tax").is_none());

    // The young person can see, not change, their circumstances.
    let res = app
        .get_as(&format!("/api/people/{id}/circumstances"), &marcus)
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let res = app
        .send_as(
            Method::PATCH,
            &format!("/api/people/{id}/circumstances"),
            &marcus,
            &j!({"lives_in_borough": true}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    // Nor can a worker who is not his.
    let sw = app.login("demo-sw").await.access_token;
    let res = app
        .send_as(
            Method::PATCH,
            &format!("/api/people/{id}/circumstances"),
            &sw,
            &j!({"lives_in_borough": true}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);

    let res = app
        .send_as(
            Method::PATCH,
            &format!("/api/people/{id}/circumstances"),
            &pa,
            &j!({"lives_in_borough": true}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let c: Circumstances = json(res).await;
    assert!(c.lives_in_borough && c.in_work);
    assert_eq!(c.updated_by.as_deref(), Some("Jo Okafor"));
    let res = app
        .get_as(&format!("/api/people/{id}/circumstances"), &marcus)
        .await;
    let seen: Circumstances = json(res).await;
    assert!(seen.lives_in_borough);
    assert_eq!(seen.updated_by.as_deref(), Some("Jo Okafor"));

    let after = my_offer(&app, &marcus).await;
    assert!(find(&applying(&after), "council-tax").is_some());
    let notes = notifications(&app, &marcus).await;
    assert!(notes
        .iter()
        .any(|n| n["kind"] == "offer_circumstances" && n["title"] == "You have an update"));
    // Nothing to change: refused.
    let res = app
        .send_as(
            Method::PATCH,
            &format!("/api/people/{id}/circumstances"),
            &pa,
            &j!({}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
}

/// The he-bursary as an administrator would send it back, with changes.
pub(crate) fn he_bursary_body(admin: &AdminOffer) -> Value {
    let e = admin
        .entitlements
        .iter()
        .find(|e| e.entry.entitlement.id == "he-bursary")
        .expect("the HE bursary");
    let x = &e.entry;
    j!({
        "section": x.section,
        "area": x.entitlement.area,
        "title": x.entitlement.title,
        "summary": x.entitlement.summary,
        "detail": x.entitlement.detail,
        "amount": x.entitlement.amount,
        "amount_is": x.entitlement.amount_is,
        "payment": x.entitlement.payment,
        "how_to_claim": x.entitlement.how_to_claim,
        "what_to_bring": x.what_to_bring,
        "contact": x.entitlement.contact,
        "rule": x.entitlement.rule,
    })
}

#[tokio::test]
async fn admin_edits_are_versioned_and_bad_input_is_refused() {
    let app = spawn_demo_app().await;
    let admin = app.login("demo-admin").await.access_token;
    let res = app.get_as("/api/offer/entitlements", &admin).await;
    assert_eq!(res.status(), StatusCode::OK);
    let list: AdminOffer = json(res).await;
    assert_eq!(list.sections.len(), 8);
    assert_eq!(list.areas.len(), 7);
    let base = he_bursary_body(&list);
    let put = |body: Value| {
        let app = &app;
        let admin = admin.clone();
        async move {
            app.send_as(
                Method::PUT,
                "/api/offer/entitlements/he-bursary",
                &admin,
                &body,
            )
            .await
        }
    };

    // Bad input: refused with the field named, and nothing changes.
    let with = |path: &[&str], v: Value| {
        let mut b = base.clone();
        let mut at = &mut b;
        for p in &path[..path.len() - 1] {
            at = &mut at[*p];
        }
        at[path[path.len() - 1]] = v;
        b
    };
    let cases = [
        (
            with(
                &["rule"],
                j!({"kind": "all", "rules": [{"kind": "age", "min": 25, "under": 18}]}),
            ),
            "rule.rules[0].under",
        ),
        (
            with(
                &["rule"],
                j!({"kind": "all", "rules": [
                    {"kind": "age", "min": 16, "under": 19},
                    {"kind": "in_higher_education"},
                    {"kind": "age", "min": 21}
                ]}),
            ),
            "rule.rules[2]",
        ),
        (with(&["rule"], j!({"kind": "wealthy"})), "rule"),
        (
            with(&["rule"], j!({"kind": "age", "min": 18, "max": 25})),
            "rule",
        ),
        (with(&["amount"], j!(-100)), "amount"),
        (with(&["amount"], j!("lots")), "amount"),
        (with(&["amount"], j!(12.5)), "amount"),
        (with(&["payment"], j!({"kind": "not_money"})), "amount"),
        (with(&["summary"], j!("   ")), "summary"),
        (
            with(
                &["summary"],
                j!("Your IRO and the LAC review decide if this bursary is paid to you."),
            ),
            "summary",
        ),
        (with(&["title"], j!("")), "title"),
        (with(&["section"], j!("nowhere")), "section"),
        (with(&["summery"], j!("typo")), "summery"),
        (
            with(
                &["payment"],
                j!({"kind": "instalments", "count": 2, "amount": 100_000, "days_in": [120, 60]}),
            ),
            "payment.days_in",
        ),
    ];
    for (body, field) in cases {
        let res = put(body.clone()).await;
        let e = error(res, StatusCode::UNPROCESSABLE_ENTITY).await;
        assert_eq!(e.field.as_deref(), Some(field), "{body}: {}", e.message);
    }
    let mut no_summary = base.clone();
    no_summary.as_object_mut().map(|o| o.remove("summary"));
    let e = error(put(no_summary).await, StatusCode::UNPROCESSABLE_ENTITY).await;
    assert_eq!(e.field.as_deref(), Some("summary"));

    // Only administrators edit.
    let pa = app.login("demo-pa").await.access_token;
    let res = app
        .send_as(
            Method::PUT,
            "/api/offer/entitlements/he-bursary",
            &pa,
            &base,
        )
        .await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    let res = app
        .send_as(
            Method::PUT,
            "/api/offer/entitlements/no-such-thing",
            &admin,
            &base,
        )
        .await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);

    // Saving it unchanged makes no version.
    let res = put(base.clone()).await;
    assert_eq!(res.status(), StatusCode::OK);

    // A real change: typed in pounds, with a note.
    let mut raise = with(&["amount"], j!("£2,500"));
    raise["change_note"] = j!("New figure agreed for 2026.");
    let res = put(raise).await;
    assert_eq!(res.status(), StatusCode::OK);
    let saved: shared::offer::AdminOfferEntry = json(res).await;
    assert_eq!(saved.entry.version, 2);
    assert_eq!(
        saved.entry.entitlement.amount.map(|m| m.pence),
        Some(250_000)
    );
    assert!(saved.entry.updated);
    assert_eq!(
        saved.entry.update_note.as_deref(),
        Some("The amount changed from £2,000 to £2,500.")
    );
    assert_eq!(saved.changed_by.as_deref(), Some("Robin Clarke"));

    // Who, when, what before.
    let res = app
        .get_as("/api/offer/changes?entitlement=he-bursary", &admin)
        .await;
    let changes: Vec<EntitlementChange> = json(res).await;
    assert_eq!(
        changes.len(),
        2,
        "refused and unchanged saves make no version"
    );
    assert_eq!(changes[0].version, 2);
    assert_eq!(changes[0].changed_by.as_deref(), Some("Robin Clarke"));
    assert_eq!(
        changes[0].note.as_deref(),
        Some("New figure agreed for 2026.")
    );
    assert_eq!(changes[0].changed_fields, vec!["amount".to_owned()]);
    assert_eq!(
        changes[0]
            .before
            .as_ref()
            .and_then(|b| b.amount)
            .map(|m| m.pence),
        Some(200_000)
    );
    assert_eq!(changes[0].after.amount.map(|m| m.pence), Some(250_000));
    assert_eq!(changes[1].version, 1);
    assert!(changes[1].before.is_none());
    let all: Vec<EntitlementChange> = json(app.get_as("/api/offer/changes", &admin).await).await;
    assert!(all.len() >= 26);
    assert_eq!(
        app.get_as("/api/offer/changes?entitlement=nope", &admin)
            .await
            .status(),
        StatusCode::NOT_FOUND
    );

    // Young people and the public page see "updated", and the new amount.
    let priya = app.login("demo-leaver-19").await.access_token;
    let offer = my_offer(&app, &priya).await;
    let he = find(&applying(&offer), "he-bursary")
        .expect("for Priya")
        .clone();
    assert!(he.entry.updated);
    assert_eq!(he.entry.amount_text.as_deref(), Some("£2,500, paid once."));
    let public: PublicOffer = json(app.get("/api/councils/bexley/offer").await).await;
    let home = public
        .sections
        .iter()
        .flat_map(|s| &s.entries)
        .find(|e| e.entitlement.id == "setting-up-home")
        .expect("setting up home");
    assert!(!home.updated, "unchanged entitlements are not marked");

    // A new entitlement, then the same id again.
    let mut new = base.clone();
    new["id"] = j!("laptop-grant");
    new["title"] = j!("Laptop for your course");
    new["summary"] = j!("A laptop to help you with your studies.");
    new["amount"] = j!(60_000);
    new["amount_is"] = j!("up_to");
    new["example_figures"] = j!(true);
    let res = app
        .send_as(Method::POST, "/api/offer/entitlements", &admin, &new)
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let created: shared::offer::AdminOfferEntry = json(res).await;
    assert_eq!(created.entry.version, 1);
    assert!(!created.entry.updated);
    let res = app
        .send_as(Method::POST, "/api/offer/entitlements", &admin, &new)
        .await;
    assert_eq!(res.status(), StatusCode::CONFLICT);
    let mut bad_id = new.clone();
    bad_id["id"] = j!("Laptop Grant");
    let res = app
        .send_as(Method::POST, "/api/offer/entitlements", &admin, &bad_id)
        .await;
    assert_eq!(
        error(res, StatusCode::UNPROCESSABLE_ENTITY)
            .await
            .field
            .as_deref(),
        Some("id")
    );

    // Retired: out of the public offer and young people's offers, kept for
    // the administrator.
    let mut retire = new.clone();
    retire.as_object_mut().map(|o| o.remove("id"));
    retire["retired"] = j!(true);
    let res = app
        .send_as(
            Method::PUT,
            "/api/offer/entitlements/laptop-grant",
            &admin,
            &retire,
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let public: PublicOffer = json(app.get("/api/councils/bexley/offer").await).await;
    assert!(public
        .sections
        .iter()
        .flat_map(|s| &s.entries)
        .all(|e| e.entitlement.id != "laptop-grant"));
    let list: AdminOffer = json(app.get_as("/api/offer/entitlements", &admin).await).await;
    assert!(list
        .entitlements
        .iter()
        .any(|e| e.entry.entitlement.id == "laptop-grant" && e.retired));
}

#[tokio::test]
async fn seeding_again_keeps_the_administrators_changes() {
    let app = spawn_demo_app().await;
    let admin = app.login("demo-admin").await.access_token;
    let list: AdminOffer = json(app.get_as("/api/offer/entitlements", &admin).await).await;
    let count = list.entitlements.len();
    let body = with_amount(he_bursary_body(&list), 210_000);
    let res = app
        .send_as(
            Method::PUT,
            "/api/offer/entitlements/he-bursary",
            &admin,
            &body,
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    backend::seed::offer::seed(&app.db)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let list: AdminOffer = json(app.get_as("/api/offer/entitlements", &admin).await).await;
    assert_eq!(list.entitlements.len(), count);
    let he = list
        .entitlements
        .iter()
        .find(|e| e.entry.entitlement.id == "he-bursary")
        .expect("the HE bursary");
    assert_eq!(he.entry.entitlement.amount.map(|m| m.pence), Some(210_000));
    assert_eq!(he.entry.version, 2);
}

fn with_amount(mut body: Value, pence: i64) -> Value {
    body["amount"] = j!(pence);
    body
}
