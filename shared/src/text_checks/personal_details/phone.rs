//! UK phone numbers, however they are spaced, dashed or bracketed.

use crate::text_checks::findings::DetailKind;

fn is_phone_sep(c: u8) -> bool {
    matches!(c, b' ' | b'-' | b'.' | b'(' | b')' | b'+')
}

/// A UK number: national (0 then 9 or 10 digits) or international (+44,
/// 0044, with or without the "(0)").
fn valid_uk_phone(d: &[u8], plus: bool) -> bool {
    let rest = if let Some(r) = d.strip_prefix(b"0044") {
        r.strip_prefix(b"0").unwrap_or(r)
    } else if let Some(r) = d.strip_prefix(b"44").filter(|_| plus || d.len() >= 12) {
        r.strip_prefix(b"0").unwrap_or(r)
    } else if let Some(r) = d.strip_prefix(b"0") {
        r
    } else {
        return false;
    };
    match rest.first() {
        Some(b'2' | b'3' | b'7') => rest.len() == 10,
        Some(b'1' | b'5' | b'8' | b'9') => rest.len() == 9 || rest.len() == 10,
        _ => false,
    }
}

/// Phone numbers: runs of digit groups joined by spaces, dashes, dots or
/// brackets. Slashes and colons end a run, so dates and times never match;
/// prices and ages fail the UK number rules.
pub(crate) fn find_phones(text: &str, out: &mut Vec<(DetailKind, usize, usize)>) {
    struct Group {
        start: usize,
        end: usize,
        plus: bool,
        /// Where the number starts when written "(020)" or "+44".
        lead: usize,
    }
    let b = text.as_bytes();
    let n = b.len();
    let mut i = 0;
    let mut groups: Vec<Group> = Vec::new();
    while i < n {
        let c = b[i];
        let prev_digit = i > 0 && b[i - 1].is_ascii_digit();
        if !(c.is_ascii_digit() || c == b'+' || c == b'(') || prev_digit {
            i += 1;
            continue;
        }
        groups.clear();
        let mut j = i;
        loop {
            let sep_start = j;
            while j < n && is_phone_sep(b[j]) && j - sep_start < 4 {
                j += 1;
            }
            if j - sep_start > 3 || j >= n || !b[j].is_ascii_digit() {
                break;
            }
            let gs = j;
            while j < n && b[j].is_ascii_digit() {
                j += 1;
            }
            let plus = b[sep_start..gs].contains(&b'+');
            let lead = (sep_start..gs)
                .find(|&k| matches!(b[k], b'+' | b'('))
                .unwrap_or(gs);
            groups.push(Group {
                start: gs,
                end: j,
                plus,
                lead,
            });
        }
        let Some(last_end) = groups.last().map(|g| g.end) else {
            i += 1;
            continue;
        };
        let mut g = 0;
        while g < groups.len() {
            let mut buf = [0u8; 16];
            let mut len = 0;
            let mut best = None;
            for (k, grp) in groups.iter().enumerate().skip(g) {
                let digits = &b[grp.start..grp.end];
                if len + digits.len() > buf.len() {
                    break;
                }
                buf[len..len + digits.len()].copy_from_slice(digits);
                len += digits.len();
                if valid_uk_phone(&buf[..len], groups[g].plus) {
                    best = Some(k);
                }
            }
            match best {
                Some(k) => {
                    let start = groups[g].lead;
                    out.push((DetailKind::Phone, start, groups[k].end));
                    g = k + 1;
                }
                None => g += 1,
            }
        }
        i = last_end.max(i + 1);
    }
}
