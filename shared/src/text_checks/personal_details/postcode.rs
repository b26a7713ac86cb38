//! UK postcodes, checked against the real postcode areas.

use crate::text_checks::findings::DetailKind;

/// UK postcode areas (the letters at the start). Checking them keeps "PS4 3DS"
/// and the like from looking like postcodes.
const POSTCODE_AREAS: &[&str] = &[
    "AB", "AL", "B", "BA", "BB", "BD", "BF", "BH", "BL", "BN", "BR", "BS", "BT", "BX", "CA", "CB",
    "CF", "CH", "CM", "CO", "CR", "CT", "CV", "CW", "DA", "DD", "DE", "DG", "DH", "DL", "DN", "DT",
    "DY", "E", "EC", "EH", "EN", "EX", "FK", "FY", "G", "GL", "GU", "GY", "HA", "HD", "HG", "HP",
    "HR", "HS", "HU", "HX", "IG", "IM", "IP", "IV", "JE", "KA", "KT", "KW", "KY", "L", "LA", "LD",
    "LE", "LL", "LN", "LS", "LU", "M", "ME", "MK", "ML", "N", "NE", "NG", "NN", "NP", "NR", "NW",
    "OL", "OX", "PA", "PE", "PH", "PL", "PO", "PR", "RG", "RH", "RM", "S", "SA", "SE", "SG", "SK",
    "SL", "SM", "SN", "SO", "SP", "SR", "SS", "ST", "SW", "SY", "TA", "TD", "TF", "TN", "TQ", "TR",
    "TS", "TW", "UB", "W", "WA", "WC", "WD", "WF", "WN", "WR", "WS", "WV", "YO", "ZE",
];

pub(crate) fn byte_is(b: &[u8], i: usize, f: fn(&u8) -> bool) -> bool {
    b.get(i).is_some_and(f)
}

/// A full postcode starting at `i` ("DA6 7AT", "se1 9sg", "DA67AT"); returns
/// where it ends.
fn parse_postcode(b: &[u8], i: usize) -> Option<usize> {
    for area_len in [2usize, 1] {
        // Cheap shape test first: most words are not letters-then-digit.
        if !(0..area_len).all(|k| byte_is(b, i + k, u8::is_ascii_alphabetic))
            || !byte_is(b, i + area_len, u8::is_ascii_digit)
        {
            continue;
        }
        let mut area = [0u8; 2];
        for k in 0..area_len {
            area[k] = b[i + k].to_ascii_uppercase();
        }
        if !POSTCODE_AREAS
            .iter()
            .any(|a| a.as_bytes() == &area[..area_len])
        {
            continue;
        }
        // District: one digit, then maybe a digit or letter ("DA16", "SW1A");
        // the longer reading is tried first.
        let p = i + area_len;
        let district_ends = if byte_is(b, p + 1, u8::is_ascii_alphanumeric) {
            [Some(p + 2), Some(p + 1)]
        } else {
            [Some(p + 1), None]
        };
        for d_end in district_ends.into_iter().flatten() {
            let mut q = d_end;
            if b.get(q) == Some(&b' ') {
                q += 1;
            }
            let unit_letter = |k: usize| {
                b.get(k).is_some_and(|c| {
                    c.is_ascii_alphabetic()
                        && !matches!(
                            c.to_ascii_uppercase(),
                            b'C' | b'I' | b'K' | b'M' | b'O' | b'V'
                        )
                })
            };
            if byte_is(b, q, u8::is_ascii_digit)
                && unit_letter(q + 1)
                && unit_letter(q + 2)
                && !byte_is(b, q + 3, u8::is_ascii_alphanumeric)
            {
                return Some(q + 3);
            }
        }
    }
    None
}

pub(crate) fn find_postcodes(text: &str, out: &mut Vec<(DetailKind, usize, usize)>) {
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i].is_ascii_alphabetic() && (i == 0 || !b[i - 1].is_ascii_alphanumeric()) {
            if let Some(end) = parse_postcode(b, i) {
                out.push((DetailKind::Postcode, i, end));
                i = end;
                continue;
            }
        }
        i += 1;
    }
}
