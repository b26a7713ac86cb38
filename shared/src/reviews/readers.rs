//! Who reads a child's answers: the choice of workers, the default, and the
//! sentence that tells the child.

use serde::{Deserialize, Serialize};

use crate::access::Relationship;

/// One of the young person's workers who could read their answers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReaderOption {
    /// The worker's id (what `readers` names).
    pub staff_id: String,
    pub name: String,
    pub relationship: Relationship,
    /// Chosen unless the young person says otherwise.
    pub default: bool,
}

/// "your IRO", "your social worker".
pub fn short_role(r: Relationship) -> &'static str {
    match r {
        Relationship::SocialWorker => "your social worker",
        Relationship::PersonalAdviser => "your personal adviser",
        Relationship::Iro => "your IRO",
    }
}

/// The default readers among a young person's current workers: their IRO
/// and social worker; a care leaver with neither gets their personal
/// adviser.
pub fn default_readers(workers: &[(String, Relationship)]) -> Vec<String> {
    let pick: Vec<String> = workers
        .iter()
        .filter(|(_, r)| matches!(r, Relationship::Iro | Relationship::SocialWorker))
        .map(|(id, _)| id.clone())
        .collect();
    if pick.is_empty() {
        workers.iter().map(|(id, _)| id.clone()).collect()
    } else {
        pick
    }
}

/// The plain sentence that says who will see the answers.
pub fn who_will_see(readers: &[ReaderOption]) -> String {
    let names: Vec<String> = readers
        .iter()
        .map(|r| format!("{} ({})", r.name, short_role(r.relationship)))
        .collect();
    let list = match names.as_slice() {
        [] => return "Nobody is chosen to read this yet. Choose at least one person.".to_owned(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    };
    format!(
        "Only {list} will see your answers. They will read them before your review. If you write something that makes us worried about your safety, we will also tell your worker (or the duty team, out of hours) so that someone can help."
    )
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    #[test]
    fn readers_default_to_the_iro_and_social_worker() {
        let w = |id: &str, r| (id.to_owned(), r);
        assert_eq!(
            default_readers(&[
                w("sw", Relationship::SocialWorker),
                w("pa", Relationship::PersonalAdviser),
                w("iro", Relationship::Iro)
            ]),
            vec!["sw", "iro"]
        );
        assert_eq!(
            default_readers(&[w("pa", Relationship::PersonalAdviser)]),
            vec!["pa"]
        );
        let r = |name: &str, relationship| ReaderOption {
            staff_id: name.into(),
            name: name.into(),
            relationship,
            default: true,
        };
        let s = who_will_see(&[
            r("Chris Evans", Relationship::Iro),
            r("Sam Patel", Relationship::SocialWorker),
        ]);
        assert!(s.starts_with(
            "Only Chris Evans (your IRO) and Sam Patel (your social worker) will see your answers. They will read them"
        ), "{s}");
        let one = who_will_see(&[r("Jo", Relationship::PersonalAdviser)]);
        assert!(
            one.contains("Only Jo (your personal adviser) will see"),
            "{one}"
        );
    }
}
