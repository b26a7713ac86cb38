//! Importing staff and young people from CSV (issue 17): every problem with
//! its line, nothing written on any problem or on a dry run, the same file
//! twice changes nothing, 10,000 rows in seconds.

#![allow(clippy::expect_used, clippy::unwrap_used)]

use backend::operator::backup::row_counts;
use backend::operator::import::{import, Kind, Options, Report};
use chrono::{Duration, Utc};
use sea_orm::{ConnectionTrait, Statement};
use tests::{json, spawn_app_with, StatusCode, TestApp};

async fn app() -> TestApp {
    spawn_app_with(|s| s.background_jobs = false).await
}

async fn run(
    app: &TestApp,
    kind: Kind,
    csv: &str,
    dry_run: bool,
    codes: Option<&std::path::Path>,
) -> Report {
    import(
        &app.db,
        kind,
        csv.as_bytes(),
        &Options {
            council: "bexley",
            dry_run,
            codes_out: codes,
        },
    )
    .await
    .expect("the import runs")
}

fn ymd(d: chrono::NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

fn years_ago(y: i64) -> String {
    ymd(Utc::now().date_naive() - Duration::days(y * 366))
}

const STAFF: &str = "\u{feff}display_name,username,role,team\r\nAna Lee,imp-sw,social_worker,lac-1\r\nBo Kim,imp-pa,personal_adviser,leaving-care\r\nCy Ray,imp-iro,iro,\r\n";

fn problems(r: &Report) -> Vec<String> {
    r.problems.iter().map(ToString::to_string).collect()
}

#[tokio::test]
async fn staff_and_young_people_import_once_and_again_unchanged() {
    let app = app().await;
    let dir = tempfile::tempdir().unwrap();
    let staff_codes = dir.path().join("staff-codes.csv");
    // A byte-order mark and Windows line ends, columns in their own order.
    let r = run(&app, Kind::Staff, STAFF, false, Some(&staff_codes)).await;
    assert!(r.problems.is_empty(), "{:?}", problems(&r));
    assert!(r.written);
    assert_eq!(r.created("staff"), 3);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&staff_codes)
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600, "only the operator reads the codes");
    }
    let people = format!(
        "ref,preferred_name,date_of_birth,care_started,legal_status,care_ended,username,social_worker,personal_adviser,iro\n\
         B-1,Kai,{},{},section_31,,imp-kai,imp-sw,,imp-iro\n\
         B-2,Lou,{},{},section_20,{},imp-lou,,imp-pa,\n\
         B-3,Max,{},{},section_20,,,IMP-SW,,\n",
        years_ago(12),
        years_ago(3),
        years_ago(20),
        years_ago(8),
        years_ago(2),
        years_ago(9),
        years_ago(1),
    );
    let codes = dir.path().join("codes.csv");
    let r = run(&app, Kind::YoungPeople, &people, false, Some(&codes)).await;
    assert!(r.problems.is_empty(), "{:?}", problems(&r));
    assert_eq!(r.created("young people"), 3);
    assert_eq!(r.created("accounts"), 2);
    assert_eq!(r.created("allocations"), 4);
    assert_eq!(r.unchanged, 0);

    // One audit row a real run, saying what it made.
    let audit = app
        .db
        .query_all_raw(Statement::from_string(
            app.db.get_database_backend(),
            "SELECT action, reason FROM audit_event WHERE action LIKE 'import_%' ORDER BY id",
        ))
        .await
        .unwrap();
    let audit: Vec<(String, String)> = audit
        .iter()
        .map(|r| {
            (
                r.try_get("", "action").unwrap(),
                r.try_get("", "reason").unwrap(),
            )
        })
        .collect();
    assert_eq!(audit.len(), 2, "{audit:?}");
    assert_eq!(audit[1].0, "import_young_people");
    assert!(audit[1].1.contains("young people 3"), "{audit:?}");

    // Kai activates with the code from the file and sees his workers.
    let text = std::fs::read_to_string(&codes).unwrap();
    let line = text.lines().find(|l| l.starts_with("imp-kai,")).unwrap();
    let code = line.split(',').nth(2).unwrap();
    let res = app
        .post_json(
            "/api/auth/activate",
            &serde_json::json!({"code": code, "password": "a long new password"}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let t: shared::accounts::TokenResponse = json(res).await;
    let res = app.get_as("/api/me/people", &t.access_token).await;
    let body = res.text().await.unwrap();
    assert!(
        body.contains("Ana Lee") && body.contains("Cy Ray"),
        "{body}"
    );

    // The same files again: nothing new, nothing written, all unchanged.
    let before = row_counts(&app.db).await.unwrap();
    let again = dir.path().join("again.csv");
    let r = run(&app, Kind::Staff, STAFF, false, Some(&again)).await;
    assert!(r.problems.is_empty(), "{:?}", problems(&r));
    assert_eq!((r.created("staff"), r.unchanged), (0, 3));
    let r = run(&app, Kind::YoungPeople, &people, false, Some(&again)).await;
    assert!(r.problems.is_empty(), "{:?}", problems(&r));
    assert_eq!((r.created("young people"), r.unchanged), (0, 3));
    assert!(!r.written);
    assert_eq!(row_counts(&app.db).await.unwrap(), before);
    assert!(!again.exists(), "no codes, no file");
}

#[tokio::test]
async fn missing_and_unknown_columns_are_named() {
    let app = app().await;
    let r = run(
        &app,
        Kind::YoungPeople,
        "ref,name,date_of_birth,care_started,legal_status,shoe_size\nA,Kai,2012-01-01,2020-01-01,section_20,4\n",
        true,
        None,
    )
    .await;
    let p = problems(&r).join("\n");
    assert!(p.contains("Missing columns: \"preferred_name\""), "{p}");
    assert!(
        p.contains("Unknown columns: \"name\", \"shoe_size\""),
        "{p}"
    );
    let r = run(&app, Kind::Staff, "", true, None).await;
    assert!(problems(&r)[0].contains("empty"), "{:?}", problems(&r));
}

#[tokio::test]
async fn every_bad_row_is_reported_with_its_line_and_nothing_is_written() {
    let app = app().await;
    let dir = tempfile::tempdir().unwrap();
    let r = run(
        &app,
        Kind::Staff,
        STAFF,
        false,
        Some(&dir.path().join("s.csv")),
    )
    .await;
    assert!(r.written, "{:?}", problems(&r));
    // Someone added in the app already.
    let bexley = backend::repo::councils::by_slug(&app.db, "bexley")
        .await
        .unwrap()
        .unwrap();
    let dob = Utc::now().date_naive() - Duration::days(10 * 366);
    backend::repo::people::create(&app.db, bexley.id, "Zed", dob, Utc::now())
        .await
        .unwrap();

    let today = Utc::now().date_naive();
    let future = ymd(today + Duration::days(30));
    let too_old = years_ago(30);
    let long_name = "N".repeat(shared::limits::PERSON_NAME_MAX_CHARS + 1);
    let ok_dob = years_ago(10);
    let care = years_ago(2);
    let rows = [
        format!("C-1,Ann,2011-02-30,{care},section_20,,,"), // line 2
        format!("C-2,Ben,{future},{care},section_20,,,"),   // 3
        format!("C-3,Cal,{too_old},{care},section_20,,,"),  // 4
        format!("C-4,,{ok_dob},{care},section_20,,,"),      // 5
        format!("C-5,{long_name},{ok_dob},{care},section_20,,,"), // 6
        format!("C-6,Dee,{ok_dob},{care},section_20,,no-such-sw,"), // 7
        format!("C-7,Eve,{ok_dob},{care},section_20,,imp-pa,"), // 8
        format!("C-8,Fay,{ok_dob},{care},section_20,,,"),   // 9
        format!("C-8,Gus,{ok_dob},{care},section_20,,,"),   // 10
        format!("C-9,Zed,{},{care},section_20,,,", ymd(dob)), // 11
        format!("C-10,Hal,{ok_dob},{care},adopted,,,"),     // 12
        format!("C-11,Ivy,{ok_dob},{care},section_20,imp-sw,,"), // 13
        format!("C-12,Jo\u{202e},{ok_dob},{care},section_20,,,"), // 14
        format!("C-13,Kit,{ok_dob},{care},section_20,,,"),  // 15 (fine)
        format!(
            "C-14,Lu,{ok_dob},{},section_20,,,",
            ymd(today - Duration::days(20 * 366))
        ), // 16
        format!("C-15,Kit,{ok_dob},{care},section_20,,,"),  // 17
        format!("C-16,Mo,{ok_dob},{care},care_ended,,,"),   // 18
        format!("C-17,Ned,{ok_dob},{care},section_20,,,,extra"), // 19
    ];
    let csv = format!(
        "ref,preferred_name,date_of_birth,care_started,legal_status,username,social_worker,iro\n{}\n",
        rows.join("\n")
    );
    let before = row_counts(&app.db).await.unwrap();
    for dry_run in [true, false] {
        let r = run(
            &app,
            Kind::YoungPeople,
            &csv,
            dry_run,
            Some(&dir.path().join("c.csv")),
        )
        .await;
        let p = problems(&r);
        let has = |line: u64, words: &str| {
            assert!(
                p.iter()
                    .any(|x| x.starts_with(&format!("line {line}:")) && x.contains(words)),
                "line {line} should say {words:?}: {p:#?}"
            )
        };
        has(2, "\"2011-02-30\" is not a real date");
        has(3, "in the future");
        has(4, "up to 25");
        has(5, "preferred_name is empty");
        has(6, "preferred_name");
        has(7, "\"no-such-sw\" is not a member of staff");
        has(8, "is not a social worker");
        has(10, "ref \"C-8\" is also on line 9");
        has(11, "already here (added in the app");
        has(12, "legal_status \"adopted\"");
        has(13, "username \"imp-sw\" is already taken");
        has(14, "preferred_name");
        has(16, "Care must start between");
        has(17, "same name and date of birth as line 15");
        has(18, "give the status while in care");
        has(19, "has 9 values; the header names 8 columns");
        assert!(!p.iter().any(|x| x.starts_with("line 15:")), "{p:#?}");
        assert!(!r.written);
        assert_eq!(
            row_counts(&app.db).await.unwrap(),
            before,
            "nothing written"
        );
    }
    assert!(!dir.path().join("c.csv").exists());

    // Staff: an unknown team, a young person's role, a duplicate.
    let r = run(
        &app,
        Kind::Staff,
        "username,display_name,role,team\nnew-a,A A,admin,no-team\nnew-b,B B,young_person,\nnew-c,C C,iro,\nnew-c,C C,iro,\n",
        true,
        None,
    )
    .await;
    let p = problems(&r).join("\n");
    assert!(p.contains("line 2: team \"no-team\" is not a team"), "{p}");
    assert!(
        p.contains("line 3: role \"young_person\" is not one of"),
        "{p}"
    );
    assert!(
        p.contains("line 5: username \"new-c\" is also on line 4"),
        "{p}"
    );
}

#[tokio::test]
async fn accounts_need_a_new_codes_file() {
    let app = app().await;
    let dir = tempfile::tempdir().unwrap();
    let csv = "username,display_name,role\nnew-adm,Ada Admin,admin\n";
    let before = row_counts(&app.db).await.unwrap();
    let r = run(&app, Kind::Staff, csv, false, None).await;
    assert!(
        problems(&r)[0].contains("--codes-out"),
        "{:?}",
        problems(&r)
    );
    let taken = dir.path().join("taken.csv");
    std::fs::write(&taken, "old").unwrap();
    let r = run(&app, Kind::Staff, csv, false, Some(&taken)).await;
    assert!(
        problems(&r)[0].contains("already exists"),
        "{:?}",
        problems(&r)
    );
    assert_eq!(std::fs::read_to_string(&taken).unwrap(), "old");
    assert_eq!(row_counts(&app.db).await.unwrap(), before);
}

#[tokio::test]
async fn ten_thousand_young_people_import_in_seconds() {
    let app = app().await;
    let dir = tempfile::tempdir().unwrap();
    let r = run(
        &app,
        Kind::Staff,
        STAFF,
        false,
        Some(&dir.path().join("s.csv")),
    )
    .await;
    assert!(r.written, "{:?}", problems(&r));
    let today = Utc::now().date_naive();
    let mut csv = String::from(
        "ref,preferred_name,date_of_birth,care_started,legal_status,care_ended,username,social_worker,personal_adviser,iro\n",
    );
    for i in 0..10_000 {
        let dob = today - Duration::days(366 * 2 + (i % 8000) as i64);
        let started = dob + Duration::days(200);
        let name = format!("Person {i}");
        let (sw, iro, pa) = if i % 2 == 0 {
            ("imp-sw", "imp-iro", "")
        } else {
            ("", "", "imp-pa")
        };
        csv.push_str(&format!(
            "R{i},{name},{},{},section_20,,yp-{i},{sw},{pa},{iro}\r\n",
            ymd(dob),
            ymd(started)
        ));
    }
    let r = run(&app, Kind::YoungPeople, &csv, true, None).await;
    assert!(
        r.problems.is_empty(),
        "{:?}",
        &problems(&r)[..3.min(r.problems.len())]
    );
    println!("dry run of 10,000 rows: {:.2} s", r.elapsed.as_secs_f64());
    let codes = dir.path().join("codes.csv");
    let r = run(&app, Kind::YoungPeople, &csv, false, Some(&codes)).await;
    assert!(r.written, "{:?}", &problems(&r)[..3.min(r.problems.len())]);
    println!(
        "import of 10,000 rows on {}: {:.2} s",
        backend::db::backend_name(&app.db),
        r.elapsed.as_secs_f64()
    );
    assert_eq!(r.created("young people"), 10_000);
    assert_eq!(r.created("allocations"), 15_000);
    assert!(r.elapsed.as_secs() < 120, "took {:?}", r.elapsed);
    assert_eq!(
        std::fs::read_to_string(&codes).unwrap().lines().count(),
        10_001
    );
    let counts = row_counts(&app.db).await.unwrap();
    assert_eq!(counts["young_person"], 10_000);
    let again = run(
        &app,
        Kind::YoungPeople,
        &csv,
        false,
        Some(&dir.path().join("x.csv")),
    )
    .await;
    println!(
        "re-import of 10,000 unchanged rows: {:.2} s",
        again.elapsed.as_secs_f64()
    );
    assert_eq!(again.unchanged, 10_000);
}
