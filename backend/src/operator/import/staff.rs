//! The staff file: checked row by row, then the new accounts made.

use super::*;

fn role_words() -> String {
    Role::ALL
        .into_iter()
        .filter(|r| *r != Role::YoungPerson)
        .map(Role::as_str)
        .collect::<Vec<_>>()
        .join(", ")
}

pub(super) async fn import(
    db: &DatabaseConnection,
    authority_id: i32,
    rows: &[Row],
    opts: &Options<'_>,
    report: &mut Report,
) -> Result<(), ImportError> {
    let teams: HashMap<String, i32> = accounts::teams_of(db, authority_id)
        .await?
        .into_iter()
        .map(|t| (t.slug, t.id))
        .collect();
    let existing = accounts_named_in(db, rows).await?;
    struct New {
        username: String,
        name: String,
        role: Role,
        team_id: Option<i32>,
    }
    let mut new: Vec<New> = vec![];
    let mut first_line: HashMap<String, u64> = HashMap::new();
    for row in rows {
        let mut c = RowCheck {
            line: row.line,
            problems: &mut report.problems,
            bad: false,
        };
        let username = c.required(row, "username");
        let username = c.username("username", username);
        let name = c.required(row, "display_name");
        let name = c.text("display_name", name, STAFF_NAME_MAX_CHARS, "a name");
        let role = match c.required(row, "role") {
            // Spelt as `staff add` takes it too (social-worker).
            Some(v) => match crate::operator::staff::parse_role(&v.to_lowercase())
                .ok()
                .filter(|r| *r != Role::YoungPerson)
            {
                Some(r) => Some(r),
                None => {
                    c.problem(format!("role {v:?} is not one of: {}.", role_words()));
                    None
                }
            },
            None => None,
        };
        let team_id = match row.get("team") {
            Some(slug) => match teams.get(&slug.to_lowercase()) {
                Some(id) => Some(Some(*id)),
                None => {
                    c.problem(format!("team {slug:?} is not a team of this council."));
                    None
                }
            },
            None => Some(None),
        };
        if let Some(u) = &username {
            if let Some(first) = first_line.get(u) {
                c.problem(format!("username {u:?} is also on line {first}."));
            } else {
                first_line.insert(u.clone(), row.line);
            }
        }
        let (Some(username), Some(name), Some(role), Some(team_id)) =
            (username, name, role, team_id)
        else {
            continue;
        };
        if c.bad {
            continue;
        }
        match existing.get(&username) {
            Some(a)
                if a.authority_id == authority_id
                    && a.role == role.as_str()
                    && a.display_name == name
                    && a.team_id == team_id =>
            {
                report.unchanged += 1;
            }
            Some(a) if a.authority_id == authority_id && a.role != Role::YoungPerson.as_str() => {
                c.problem(format!(
                    "username {username:?} is already a member of staff here with a different name, role or team; an import does not change people already here."
                ));
            }
            Some(_) => c.problem(format!("username {username:?} is already taken.")),
            None => new.push(New {
                username,
                name,
                role,
                team_id,
            }),
        }
    }
    report.created.insert("staff", new.len());
    report.created.insert("activation codes", new.len());
    // Nothing new (the same file again): nothing to write, not even an
    // audit row.
    if opts.dry_run || !report.problems.is_empty() || new.is_empty() {
        return Ok(());
    }
    let accounts_new: Vec<accounts::NewAccount<'_>> = new
        .iter()
        .map(|n| accounts::NewAccount {
            authority_id,
            username: &n.username,
            role: n.role,
            display_name: &n.name,
            team_id: n.team_id,
            password_hash: None,
        })
        .collect();
    let codes_file = open_codes_file(opts, !new.is_empty(), &mut report.problems)?;
    if !report.problems.is_empty() {
        return Ok(());
    }
    let now = Utc::now();
    let txn = db.begin().await?;
    let made = accounts::create_many(&txn, &accounts_new, now).await?;
    let codes = auth::issue_first_codes(&txn, &made, "activate").await?;
    let names: Vec<&str> = new.iter().map(|n| n.name.as_str()).collect();
    record_audit(&txn, authority_id, Kind::Staff, report).await?;
    finish(txn, codes_file, &codes, &names).await?;
    report.written = true;
    Ok(())
}
