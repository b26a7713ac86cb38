//! The local offer for care leavers (Children and Social Work Act 2017, s.2):
//! its entitlements, the money they give, and who each one is for.
//!
//! Who an entitlement is for is *data*: a [`Rule`] stored as JSON and edited
//! by an administrator, because councils and years differ. The functions here
//! are pure (no clock, no I/O), so the server and the offline WASM app give a
//! young person the same answer. "Today" is always passed in.
//!
//! The care-leaver category is an input ([`PersonFacts::category`]): it is
//! computed elsewhere (`care_status`) from date of birth and care episodes.
//!
//! Layout: `money` (amounts and payments), `rule` (the facts and the rule),
//! `explain` and `coming_up` (what a young person reads), `validate` (what
//! an administrator is told), `entitlement` (the offer itself); `words`
//! holds the wording they share.

mod coming_up;
mod entitlement;
mod explain;
mod money;
mod rule;
mod validate;
mod words;

#[cfg(test)]
mod fixtures;

pub use coming_up::{coming_up, coming_up_detail, projected_category, ComingUp};
pub use entitlement::{my_offer_item, Entitlement, MyOfferItem, OfferArea};
pub use explain::{describe, explain, Reason};
pub use money::{AmountIs, Money, MoneyError, Payment};
pub use rule::{
    age_on, birthday, evaluate, PersonFacts, Rule, MAX_AGE, MAX_DEPTH, MAX_LOOKED_AFTER_MONTHS,
};
pub use validate::{validate, RuleError};
