//! UK phone numbers, however they are spaced, dashed, bracketed or spelled
//! ("oh seven seven double nine ...").
//!
//! Runs on the normalised text, so digits of other scripts and invisible
//! characters between digits have already been dealt with.

use crate::text_checks::findings::DetailKind;

/// Between the digit groups of one number. Slashes and colons are not
/// here, so dates ("12/05/2026") and times ("10:30") end a run.
fn is_phone_sep(c: u8) -> bool {
    matches!(
        c,
        b' ' | b'\t' | b'-' | b'.' | b'(' | b')' | b'[' | b']' | b'{' | b'}' | b'_' | b'+'
    )
}

/// Longest run of separators between two groups of one number.
const MAX_GAP: usize = 4;

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

/// A digit written as a word.
fn word_digit(w: &[u8]) -> Option<u8> {
    let d = match w {
        b"zero" | b"oh" | b"o" | b"nought" | b"nil" => b'0',
        b"one" => b'1',
        b"two" => b'2',
        b"three" => b'3',
        b"four" => b'4',
        b"five" => b'5',
        b"six" => b'6',
        b"seven" => b'7',
        b"eight" => b'8',
        b"nine" => b'9',
        _ => return None,
    };
    Some(d)
}

/// "double nine" is 99, "triple 0" is 000.
fn word_repeat(w: &[u8]) -> Option<usize> {
    match w {
        b"double" => Some(2),
        b"triple" => Some(3),
        _ => None,
    }
}

/// One group of a number: digits as written, or one spelled digit
/// (repeated by "double"/"triple" before it).
struct Group {
    /// Where the group ends in the text.
    end: usize,
    /// Its digits, in `Scanner::digits`.
    digits: (usize, usize),
    /// A "+" in the separators before it.
    plus: bool,
    /// Where the number starts when written "(020)" or "+44".
    lead: usize,
}

/// The next digit group or number word at or after `i`: (start, end, kind).
enum Unit {
    Digits,
    Word(u8),
    Repeat(usize),
}

fn unit_at(b: &[u8], i: usize) -> Option<(usize, Unit)> {
    let c = *b.get(i)?;
    if c.is_ascii_digit() {
        let mut j = i;
        while b.get(j).is_some_and(u8::is_ascii_digit) {
            j += 1;
        }
        return Some((j, Unit::Digits));
    }
    if !c.is_ascii_alphabetic() || (i > 0 && b[i - 1].is_ascii_alphanumeric()) {
        return None;
    }
    let mut j = i;
    while j < b.len() && j - i <= 7 && b[j].is_ascii_alphabetic() {
        j += 1;
    }
    // A whole word only: not followed by more of a word (or a non-ASCII letter).
    if b.get(j)
        .is_some_and(|&d| d.is_ascii_alphanumeric() || d >= 0x80)
    {
        return None;
    }
    let mut w = [0u8; 8];
    let len = j - i;
    if len > w.len() {
        return None;
    }
    for (k, x) in b[i..j].iter().enumerate() {
        w[k] = x.to_ascii_lowercase();
    }
    let w = &w[..len];
    if let Some(d) = word_digit(w) {
        Some((j, Unit::Word(d)))
    } else {
        word_repeat(w).map(|n| (j, Unit::Repeat(n)))
    }
}

/// Phone numbers: runs of digit groups and spelled digits joined by
/// separators. Prices, ages, dates and times fail the UK number rules or
/// are broken up by "/", ":" or ",".
pub(crate) fn find_phones(text: &str, out: &mut Vec<(DetailKind, usize, usize)>) {
    let b = text.as_bytes();
    let n = b.len();
    let mut groups: Vec<Group> = Vec::new();
    let mut digits: Vec<u8> = Vec::new();
    let mut i = 0;
    while i < n {
        // A run starts at a unit; anything else is skipped a byte at a time
        // (units start on ASCII bytes, so this stays on char boundaries for
        // the spans we report).
        let starts_unit = (b[i].is_ascii_digit() && (i == 0 || !b[i - 1].is_ascii_digit()))
            || (b[i].is_ascii_alphabetic() && unit_at(b, i).is_some());
        if !starts_unit {
            i += 1;
            continue;
        }
        groups.clear();
        digits.clear();
        // Separators before the first group: "+44", "(020)".
        let mut sep_start = i;
        while sep_start > 0 && i - sep_start < MAX_GAP && is_phone_sep(b[sep_start - 1]) {
            sep_start -= 1;
        }
        let mut j = i;
        let mut repeat: Option<(usize, usize)> = None;
        let mut run_end = i;
        while let Some((end, unit)) = unit_at(b, j) {
            let sep = &b[sep_start..j];
            let plus = sep.contains(&b'+');
            let lead = (sep_start..j)
                .find(|&k| matches!(b[k], b'+' | b'(' | b'['))
                .unwrap_or(j);
            match unit {
                Unit::Repeat(times) => repeat = Some((times, j)),
                Unit::Digits | Unit::Word(_) => {
                    let d0 = digits.len();
                    let (times, start) = repeat.take().unwrap_or((1, j));
                    match unit {
                        Unit::Word(d) => digits.extend(std::iter::repeat_n(d, times)),
                        _ if times > 1 && end - j == 1 => {
                            digits.extend(std::iter::repeat_n(b[j], times));
                        }
                        _ => digits.extend_from_slice(&b[j..end]),
                    }
                    let lead = if start < j { start } else { lead };
                    groups.push(Group {
                        end,
                        digits: (d0, digits.len()),
                        plus,
                        lead,
                    });
                    run_end = end;
                }
            }
            // The separators after this unit, then the next unit (which
            // checks for itself that it is a whole word).
            sep_start = end;
            j = end;
            while j < n && is_phone_sep(b[j]) && j - end <= MAX_GAP {
                j += 1;
            }
            if j - end > MAX_GAP {
                break;
            }
        }
        if groups.is_empty() {
            i += 1;
            continue;
        }
        let mut g = 0;
        while g < groups.len() {
            let mut buf = [0u8; 16];
            let mut len = 0;
            let mut best = None;
            for (k, grp) in groups.iter().enumerate().skip(g) {
                let ds = digits.get(grp.digits.0..grp.digits.1).unwrap_or(&[]);
                if len + ds.len() > buf.len() {
                    break;
                }
                buf[len..len + ds.len()].copy_from_slice(ds);
                len += ds.len();
                if valid_uk_phone(&buf[..len], groups[g].plus) {
                    best = Some(k);
                }
            }
            match best {
                Some(k) => {
                    out.push((DetailKind::Phone, groups[g].lead, groups[k].end));
                    g = k + 1;
                }
                None => g += 1,
            }
        }
        i = run_end.max(i + 1);
    }
}
