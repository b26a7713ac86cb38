//! Personal details that let a stranger find a child: phone numbers, email
//! addresses, postcodes, street addresses, schools and social media. Each
//! kind has its own scanner; this module runs them all and keeps one
//! highlight per detail.

mod address;
mod email;
mod phone;
mod postcode;
mod school;
mod social;

#[cfg(test)]
mod tests;

use super::findings::{DetailKind, Finding};
use super::normalise::Normalised;
use super::tokens::{tokenize, Tokens};
use address::find_addresses;
use email::find_emails;
use phone::find_phones;
use postcode::find_postcodes;
use school::find_schools;
use social::find_social;

/// Only the personal details (for a UI that highlights as the child types).
pub fn find_personal_details(text: &str) -> Vec<Finding> {
    let norm = Normalised::new(text);
    let (plain, _) = tokenize(norm.text());
    details_in(&norm, &plain)
}

/// The scanners work on the normalised text; what they find is mapped back
/// to the text as written.
pub(crate) fn details_in(norm: &Normalised, toks: &Tokens) -> Vec<Finding> {
    let text = norm.text();
    let mut raw: Vec<(DetailKind, usize, usize)> = Vec::new();
    find_phones(text, &mut raw);
    find_emails(text, toks, &mut raw);
    find_postcodes(text, &mut raw);
    find_addresses(toks, &mut raw);
    find_schools(toks, &mut raw);
    find_social(text, toks, &mut raw);

    for r in &mut raw {
        (r.1, r.2) = norm.span(r.1, r.2);
    }
    // Drop a finding inside another (a phone number inside an email address,
    // a handle inside a link): the child sees one highlight per detail.
    raw.sort_by(|a, b| a.1.cmp(&b.1).then(b.2.cmp(&a.2)));
    let mut out: Vec<Finding> = Vec::new();
    let mut reach = 0;
    for (kind, start, end) in raw {
        if end <= reach {
            continue;
        }
        reach = end;
        out.push(Finding {
            kind,
            start,
            end,
            message: kind.message().to_string(),
        });
    }
    out
}
