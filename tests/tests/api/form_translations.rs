//! The "good for me" forms in the young person's language (issues 6 and
//! 9): a form version carries its translations keyed by the English text,
//! a new version keeps them unless it brings its own, and a translation
//! that is too long is refused.

use reqwest::Method;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, Set};
use serde_json::{json as j, Value};
use shared::api::ErrorBody;
use shared::reviews::{FeedbackScreen, FormFamily, FormKey, FormVersionView, PROMPT_MAX};
use tests::{json, spawn_demo_app, StatusCode, TestApp};

async fn screen(app: &TestApp, token: &str) -> FeedbackScreen {
    let res = app.get_as("/api/me/feedback", token).await;
    assert_eq!(res.status(), StatusCode::OK);
    json(res).await
}

async fn choose_language(app: &TestApp, token: &str, language: &str) {
    let res = app
        .send_as(
            Method::PUT,
            "/api/me/language",
            token,
            &j!({ "language": language }),
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
}

async fn versions(app: &TestApp, admin: &str, key: FormKey) -> usize {
    let families: Vec<FormFamily> = json(app.get_as("/api/feedback/forms", admin).await).await;
    families
        .iter()
        .find(|f| f.key == key)
        .map(|f| f.versions.len())
        .unwrap_or_default()
}

/// The body an editor that knows nothing of translations sends.
fn definition(form: &FormVersionView) -> Value {
    j!({
        "key": form.key,
        "title": form.title,
        "intro": form.intro,
        "with_adult": form.with_adult,
        "questions": form.questions,
    })
}

#[tokio::test]
async fn the_form_comes_with_its_arabic_in_the_young_persons_own_language() {
    let app = spawn_demo_app().await;
    let leo = app.login("demo-child-10").await.access_token;
    let form = screen(&app, &leo).await.form;
    assert_eq!(form.key, FormKey::From8To11);
    assert_eq!(form.title, "My review: what I think");
    // Every text Leo reads has its Arabic.
    assert_eq!(form.text("ar", &form.title), "مراجعتي: ما رأيي");
    assert_eq!(form.text("en", &form.title), form.title);
    for q in &form.questions {
        assert_ne!(form.text("ar", &q.prompt), q.prompt, "{}", q.key);
        if let Some(help) = &q.help {
            assert_ne!(form.text("ar", help), help, "{}", q.key);
        }
        for o in &q.options {
            assert_ne!(form.text("ar", &o.label), o.label, "{}", o.label);
        }
    }
    assert_ne!(form.text("ar", &form.intro), form.intro);

    // Once Leo has chosen a language, only that one comes: nothing extra
    // for English, just the Arabic for Arabic.
    choose_language(&app, &leo, "en").await;
    assert!(screen(&app, &leo).await.form.translations.is_empty());
    choose_language(&app, &leo, "ar").await;
    let form = screen(&app, &leo).await.form;
    assert_eq!(
        form.translations.keys().collect::<Vec<_>>(),
        vec!["ar"],
        "only Arabic"
    );

    // The under 8s' form has its Arabic too, the faces and the note for
    // the grown-up included.
    let admin = app.login("demo-admin").await.access_token;
    let families: Vec<FormFamily> = json(app.get_as("/api/feedback/forms", &admin).await).await;
    let under8 = families
        .iter()
        .find(|f| f.key == FormKey::Under8)
        .map(|f| f.current.clone())
        .unwrap_or_else(|| panic!("no under 8 form"));
    let note = under8.with_adult.clone().unwrap_or_default();
    assert!(under8.text("ar", &note).starts_with("املأ هذا مع شخص كبير"));
    assert_eq!(under8.text("ar", "Very happy"), "سعيد جدًا");
}

#[tokio::test]
async fn a_new_version_keeps_the_translations_and_a_reworded_text_reads_english() {
    let app = spawn_demo_app().await;
    let admin = app.login("demo-admin").await.access_token;
    let leo = app.login("demo-child-10").await.access_token;
    let v1 = screen(&app, &leo).await.form;
    let reworded = "How do you feel about your home?";
    let kept = v1.questions[1].prompt.clone();

    // An editor that knows nothing of translations rewords the first
    // question: the new version keeps the Arabic of everything else.
    let mut def = definition(&v1);
    def["questions"][0]["prompt"] = j!(reworded);
    let res = app
        .send_as(Method::POST, "/api/feedback/forms", &admin, &def)
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let v2: FormVersionView = json(res).await;
    assert_eq!(v2.version, 2);
    assert_eq!(v2.text("ar", &v2.title), "مراجعتي: ما رأيي");
    assert_eq!(v2.text("ar", &kept), v1.text("ar", &kept));
    assert_ne!(v2.text("ar", &kept), kept);
    // The reworded question has no Arabic yet, so it reads in English: an
    // old translation never says something the English no longer says.
    assert_eq!(v2.text("ar", reworded), reworded);
    assert!(!v2.translations["ar"].contains_key(&v1.questions[0].prompt));
    // Leo (no draft yet) gets the new version, with its Arabic.
    let form = screen(&app, &leo).await.form;
    assert_eq!(form.id, v2.id);
    assert_eq!(form.text("ar", &form.title), "مراجعتي: ما رأيي");

    // Sending translations replaces them: the reworded question gets its
    // Arabic.
    let mut arabic = v2.translations["ar"].clone();
    arabic.insert(reworded.to_owned(), "ما شعورك تجاه بيتك؟".to_owned());
    let mut def = definition(&v2);
    def["translations"] = j!({ "ar": arabic });
    let res = app
        .send_as(Method::POST, "/api/feedback/forms", &admin, &def)
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let v3: FormVersionView = json(res).await;
    assert_eq!(v3.text("ar", reworded), "ما شعورك تجاه بيتك؟");
    assert_eq!(v3.text("ar", &kept), v1.text("ar", &kept));
}

#[tokio::test]
async fn an_over_long_translation_is_refused_clearly_and_nothing_is_published() {
    let app = spawn_demo_app().await;
    let admin = app.login("demo-admin").await.access_token;
    let leo = app.login("demo-child-10").await.access_token;
    let v1 = screen(&app, &leo).await.form;
    let prompt = v1.questions[0].prompt.clone();

    let mut def = definition(&v1);
    def["translations"] = j!({ "ar": { (prompt.clone()): "ب".repeat(PROMPT_MAX + 1) } });
    let res = app
        .send_as(Method::POST, "/api/feedback/forms", &admin, &def)
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let err: ErrorBody = json(res).await;
    assert_eq!(err.field.as_deref(), Some("translations.ar"));
    assert!(
        err.message
            .contains(&format!("The Arabic for \"{prompt}\" is too long"))
            && err
                .message
                .contains(&format!("{PROMPT_MAX} characters or fewer")),
        "{}",
        err.message
    );

    // Only languages the app speaks besides English.
    def["translations"] = j!({ "fr": { (prompt.clone()): "Comment te sens-tu ?" } });
    let res = app
        .send_as(Method::POST, "/api/feedback/forms", &admin, &def)
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let err: ErrorBody = json(res).await;
    assert_eq!(err.field.as_deref(), Some("translations"));
    assert!(err.message.contains("ar"), "{}", err.message);

    // Too many entries.
    let many: serde_json::Map<String, Value> = (0..=shared::reviews::TRANSLATIONS_MAX)
        .map(|i| (format!("text {i}"), j!("نص")))
        .collect();
    def["translations"] = j!({ "ar": many });
    let res = app
        .send_as(Method::POST, "/api/feedback/forms", &admin, &def)
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let err: ErrorBody = json(res).await;
    assert_eq!(err.field.as_deref(), Some("translations.ar"));

    // None of these was published.
    assert_eq!(versions(&app, &admin, FormKey::From8To11).await, 1);
    assert_eq!(screen(&app, &leo).await.form.id, v1.id);
}

#[tokio::test]
async fn a_version_stored_before_translations_loads_and_gets_the_seeds_arabic() {
    use backend::entities::feedback_form as ff;
    let app = spawn_demo_app().await;
    let leo = app.login("demo-child-10").await.access_token;
    let v1 = screen(&app, &leo).await.form;
    // As stored before translations existed.
    let cleared = ff::Entity::update_many()
        .set(ff::ActiveModel {
            translations_json: Set(None),
            ..Default::default()
        })
        .filter(ff::Column::PublicId.eq(v1.id.clone()))
        .exec(&app.db)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(cleared.rows_affected, 1);
    let old = screen(&app, &leo).await.form;
    assert_eq!(old.id, v1.id);
    assert!(old.translations.is_empty());
    assert_eq!(old.text("ar", &old.title), old.title);

    // The next start-up's seed gives it the Arabic (the same version: no
    // new version for Leo's answers to point at).
    backend::seed::forms::seed(&app.db)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let again = screen(&app, &leo).await.form;
    assert_eq!(again.id, v1.id);
    assert_eq!(again.translations, v1.translations);
}
