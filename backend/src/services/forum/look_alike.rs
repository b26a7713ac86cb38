//! Forum names that pass for somebody else: a member of the council's
//! staff, or another member's name written with look-alike letters (a
//! Cyrillic "а" for a Latin "a", "rn" for "m"). Names are compared by their
//! Unicode confusable skeletons (UTS #39), so every look-alike spelling of a
//! name has the same skeleton as the name.

use crate::error::ApiError;
use crate::repo::accounts;
use crate::repo::forum as repo;
use sea_orm::ConnectionTrait;
use shared::forum::display_name_key;
use shared::text_checks::skeleton;

const LOOKS_LIKE_STAFF: &str = "This name looks like the name of someone who works for the council. Choose a name that is your own, so nobody thinks you are staff.";
const LOOKS_LIKE_MEMBER: &str = "This name looks too much like another member's forum name. Choose one that is clearly different, so nobody mixes you up.";

/// Titles that turn a surname into a way of naming a grown-up.
const TITLES: &[&str] = &["mr", "mrs", "ms", "miss", "mx", "dr", "sir"];

/// Shorter skeletons match too many ordinary names to be told apart.
const MIN_STAFF_SKELETON: usize = 4;

/// Refuses `name` (already through `check_display_name`) when it copies a
/// member of staff's name or looks like another member's forum name.
pub(super) async fn refuse_look_alikes(
    db: &impl ConnectionTrait,
    council_id: i32,
    member_id: i32,
    name: &str,
) -> Result<(), ApiError> {
    let mine = skeleton(name);
    if mine.is_empty() {
        return Ok(());
    }
    let staff = accounts::staff_names(db, council_id).await?;
    if staff.iter().any(|s| copies_staff_name(&mine, s)) {
        return Err(ApiError::validation("display_name", LOOKS_LIKE_STAFF));
    }
    // The very same name is left to the unique key (409, "someone else has
    // that name"); this catches the look-alikes the key cannot.
    let key = display_name_key(name);
    let others = repo::other_display_names(db, council_id, member_id).await?;
    if others
        .iter()
        .any(|o| skeleton(o) == mine && display_name_key(o) != key)
    {
        return Err(ApiError::validation("display_name", LOOKS_LIKE_MEMBER));
    }
    Ok(())
}

/// The ways a forum name could copy a member of staff's name: the whole
/// name ("Sam Patel", "SamPatel123"), an initial and the surname
/// ("S Patel"), or a title and the surname ("Mr Patel").
fn copies_staff_name(mine: &str, staff_name: &str) -> bool {
    let full = skeleton(staff_name);
    if full.chars().count() >= MIN_STAFF_SKELETON && mine.contains(&full) {
        return true;
    }
    let parts: Vec<&str> = staff_name.split_whitespace().collect();
    let (Some(first), Some(last)) = (parts.first(), parts.last()) else {
        return false;
    };
    if parts.len() < 2 {
        return false;
    }
    let surname = skeleton(last);
    if surname.chars().count() < 3 {
        return false;
    }
    let initial: String = first.chars().take(1).collect();
    let variants = std::iter::once(skeleton(&format!("{initial}{last}")))
        .chain(TITLES.iter().map(|t| skeleton(&format!("{t}{last}"))));
    variants.into_iter().any(|v| mine.contains(&v))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn staff_names_in_any_spelling_are_refused() {
        let staff = "Sam Patel";
        for name in [
            "Sam Patel",
            "sam_patel",
            "SamPatel99",
            "Ѕаm Раtеl", // Cyrillic look-alikes
            "S Patel",
            "Mr Patel",
            "Miss Patel",
        ] {
            assert!(copies_staff_name(&skeleton(name), staff), "{name}");
        }
        for name in ["Sam", "Patel Fan", "Blue Fox", "Sammy P"] {
            assert!(!copies_staff_name(&skeleton(name), staff), "{name}");
        }
    }

    #[test]
    fn look_alike_spellings_of_a_name_share_its_skeleton() {
        let bold = skeleton("Bold Badger");
        for name in [
            "B0ld Badger",
            "bold_badger",
            "Bоld Bаdger",
            "ＢＯＬＤ ＢＡＤＧＥＲ",
        ] {
            assert_eq!(skeleton(name), bold, "{name}");
        }
        assert_ne!(skeleton("Bold Beaver"), bold);
    }
}
