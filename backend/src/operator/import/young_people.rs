//! The young people's file: checked row by row, then the new people,
//! their care episodes, accounts and workers made.

use super::*;

fn legal_status(v: &str) -> Option<LegalStatus> {
    let v = v.to_lowercase().replace(['-', ' '], "_");
    Some(match v.as_str() {
        "section_20" | "section20" => LegalStatus::Section20,
        "section_31" | "section31" => LegalStatus::Section31,
        "interim_care_order" => LegalStatus::InterimCareOrder,
        "placement_order" => LegalStatus::PlacementOrder,
        "remand" => LegalStatus::Remand,
        "care_ended" => LegalStatus::CareEnded,
        _ => return None,
    })
}

/// A young person's row, checked.
struct NewYoung {
    external_ref: String,
    name: String,
    dob: NaiveDate,
    care_started: NaiveDate,
    care_ended: Option<NaiveDate>,
    status: LegalStatus,
    username: Option<String>,
    workers: Vec<(Relationship, i32)>,
}

pub(super) async fn import(
    db: &DatabaseConnection,
    authority_id: i32,
    rows: &[Row],
    opts: &Options<'_>,
    report: &mut Report,
) -> Result<(), ImportError> {
    let today = Utc::now().date_naive();
    let here = people::all_of_authority(db, authority_id).await?;
    let by_ref: HashMap<&str, &young_person::Model> = here
        .iter()
        .filter_map(|p| p.external_ref.as_deref().map(|r| (r, p)))
        .collect();
    let by_name_dob: HashMap<(&str, NaiveDate), &young_person::Model> = here
        .iter()
        .map(|p| ((p.preferred_name.as_str(), p.date_of_birth), p))
        .collect();
    // Workers by username: this council's enabled staff.
    let staff: HashMap<String, account::Model> = accounts::staff(db, authority_id)
        .await?
        .into_iter()
        .filter(|(a, _)| a.disabled_at.is_none())
        .map(|(a, _)| (a.username.clone(), a))
        .collect();
    let taken = accounts_named_in(db, rows).await?;
    let statuses = "section_20, section_31, interim_care_order, placement_order, remand";
    let mut new: Vec<NewYoung> = vec![];
    let mut ref_line: HashMap<String, u64> = HashMap::new();
    let mut person_line: HashMap<(String, NaiveDate), u64> = HashMap::new();
    let mut username_line: HashMap<String, u64> = HashMap::new();
    for row in rows {
        let mut c = RowCheck {
            line: row.line,
            problems: &mut report.problems,
            bad: false,
        };
        let external_ref = match c.required(row, "ref") {
            Some(r) if r.chars().count() > REF_MAX_CHARS => {
                c.problem(format!("ref is longer than {REF_MAX_CHARS} characters."));
                None
            }
            Some(r) if r.chars().any(char::is_control) => {
                c.problem("ref has hidden (control) characters.");
                None
            }
            other => other.map(str::to_owned),
        };
        let name = c.required(row, "preferred_name");
        let name = c.text("preferred_name", name, PERSON_NAME_MAX_CHARS, "a name");
        let dob = c.required(row, "date_of_birth");
        let dob = c.date("date_of_birth", dob);
        let started = c.required(row, "care_started");
        let started = c.date("care_started", started);
        let ended = c.date("care_ended", row.get("care_ended"));
        let status = match c.required(row, "legal_status") {
            Some(v) => match legal_status(v) {
                Some(LegalStatus::CareEnded) => {
                    c.problem("legal_status: give the status while in care; care_ended says when care ended.");
                    None
                }
                Some(s) => Some(s),
                None => {
                    c.problem(format!("legal_status {v:?} is not one of: {statuses}."));
                    None
                }
            },
            None => None,
        };
        let username = c.username("username", row.get("username"));
        let mut workers = vec![];
        for rel in [
            Relationship::SocialWorker,
            Relationship::PersonalAdviser,
            Relationship::Iro,
        ] {
            let col = rel.as_str();
            let Some(u) = row.get(col) else { continue };
            let u = u.to_lowercase();
            match staff.get(&u) {
                Some(a) if a.role == rel.staff_role().as_str() => workers.push((rel, a.id)),
                Some(_) => c.problem(format!("{col} {u:?} is not a {} here.", rel.plain())),
                None => c.problem(format!(
                    "{col} {u:?} is not a member of staff of this council (import staff first)."
                )),
            }
        }
        if let (Some(dob), Some(started)) = (dob, started) {
            for (field, message) in people_rules::date_problems(dob, started, ended, today) {
                c.problem(format!("{field}: {message}"));
            }
        }
        if let Some(r) = &external_ref {
            match ref_line.get(r) {
                Some(first) => c.problem(format!("ref {r:?} is also on line {first}.")),
                None => {
                    ref_line.insert(r.clone(), row.line);
                }
            }
        }
        if let (Some(n), Some(d)) = (&name, dob) {
            match person_line.get(&(n.clone(), d)) {
                Some(first) => c.problem(format!(
                    "The same name and date of birth as line {first}: is this the same person?"
                )),
                None => {
                    person_line.insert((n.clone(), d), row.line);
                }
            }
        }
        let (Some(external_ref), Some(name), Some(dob), Some(started), Some(status)) =
            (external_ref, name, dob, started, status)
        else {
            continue;
        };
        if c.bad {
            continue;
        }
        if let Some(p) = by_ref.get(external_ref.as_str()) {
            if p.preferred_name == name && p.date_of_birth == dob {
                report.unchanged += 1;
            } else {
                c.problem(format!(
                    "ref {external_ref:?} is already here with a different name or date of birth; an import does not change people already here."
                ));
            }
            continue;
        }
        if let Some(p) = by_name_dob.get(&(name.as_str(), dob)) {
            let under = match &p.external_ref {
                Some(r) => format!("under ref {r:?}"),
                None => "(added in the app, with no ref)".to_owned(),
            };
            c.problem(format!(
                "A young person with this name and date of birth is already here {under}."
            ));
            continue;
        }
        if let Some(u) = &username {
            if taken.contains_key(u) {
                c.problem(format!("username {u:?} is already taken."));
                continue;
            }
            match username_line.get(u) {
                Some(first) => {
                    c.problem(format!("username {u:?} is also on line {first}."));
                    continue;
                }
                None => {
                    username_line.insert(u.clone(), row.line);
                }
            }
        }
        new.push(NewYoung {
            external_ref,
            name,
            dob,
            care_started: started,
            care_ended: ended,
            status,
            username,
            workers,
        });
    }
    let with_account: Vec<&NewYoung> = new.iter().filter(|n| n.username.is_some()).collect();
    report.created.insert("young people", new.len());
    report.created.insert("accounts", with_account.len());
    report
        .created
        .insert("activation codes", with_account.len());
    report.created.insert(
        "allocations",
        new.iter().map(|n| n.workers.len()).sum::<usize>(),
    );
    // Nothing new (the same file again): nothing to write, not even an
    // audit row.
    if opts.dry_run || !report.problems.is_empty() || new.is_empty() {
        return Ok(());
    }
    let codes_file = open_codes_file(opts, !with_account.is_empty(), &mut report.problems)?;
    if !report.problems.is_empty() {
        return Ok(());
    }
    let now = Utc::now();
    let txn = db.begin().await?;
    let new_accounts: Vec<accounts::NewAccount<'_>> = with_account
        .iter()
        .filter_map(|n| {
            n.username.as_deref().map(|u| accounts::NewAccount {
                authority_id,
                username: u,
                role: Role::YoungPerson,
                display_name: &n.name,
                team_id: None,
                password_hash: None,
            })
        })
        .collect();
    let made_accounts = accounts::create_many(&txn, &new_accounts, now).await?;
    let account_of: HashMap<&str, i32> = made_accounts
        .iter()
        .map(|a| (a.username.as_str(), a.id))
        .collect();
    let records: Vec<people::NewPerson<'_>> = new
        .iter()
        .map(|n| people::NewPerson {
            authority_id,
            preferred_name: &n.name,
            date_of_birth: n.dob,
            external_ref: Some(&n.external_ref),
            account_id: n
                .username
                .as_deref()
                .and_then(|u| account_of.get(u).copied()),
        })
        .collect();
    let made = people::create_many(&txn, &records, now).await?;
    let mut episodes = Vec::with_capacity(new.len());
    let mut statuses = Vec::with_capacity(new.len());
    let mut allocs = vec![];
    for (n, y) in new.iter().zip(&made) {
        episodes.push((y.id, n.care_started, n.care_ended));
        statuses.push((y.id, n.status, n.care_started));
        if let Some(end) = n.care_ended {
            statuses.push((y.id, LegalStatus::CareEnded, end));
        }
        allocs.extend(n.workers.iter().map(|(rel, staff)| (y.id, *rel, *staff)));
    }
    people::add_episodes(&txn, &episodes).await?;
    people::add_legal_statuses(&txn, &statuses).await?;
    allocations::start_many(&txn, &allocs, now).await?;
    let codes = auth::issue_first_codes(&txn, &made_accounts, "activate").await?;
    let names: Vec<&str> = with_account.iter().map(|n| n.name.as_str()).collect();
    record_audit(&txn, authority_id, Kind::YoungPeople, report).await?;
    finish(txn, codes_file, &codes, &names).await?;
    report.written = true;
    Ok(())
}
