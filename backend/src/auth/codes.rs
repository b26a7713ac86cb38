//! One-time codes a worker reads out or writes down for a young person:
//! 12 characters from an alphabet without look-alikes (no 0/O, 1/I/L),
//! about 59 bits, shown in groups of four.

use crate::error::ApiError;

const ALPHABET: &[u8] = b"ABCDEFGHJKMNPQRSTUVWXYZ23456789";
const LEN: usize = 12;

pub fn new_code() -> Result<String, ApiError> {
    let mut out = String::with_capacity(LEN + 2);
    let mut bytes = [0u8; LEN * 2];
    getrandom::fill(&mut bytes).map_err(|e| ApiError::Internal(format!("randomness: {e}")))?;
    // Rejection sampling keeps every character equally likely.
    let limit = 256 - (256 % ALPHABET.len());
    let mut chars = 0;
    let mut pool = bytes.to_vec();
    while chars < LEN {
        let Some(b) = pool.pop() else {
            let mut more = [0u8; LEN * 2];
            getrandom::fill(&mut more)
                .map_err(|e| ApiError::Internal(format!("randomness: {e}")))?;
            pool.extend_from_slice(&more);
            continue;
        };
        if (b as usize) < limit {
            if chars > 0 && chars % 4 == 0 {
                out.push('-');
            }
            out.push(ALPHABET[b as usize % ALPHABET.len()] as char);
            chars += 1;
        }
    }
    Ok(out)
}

/// What a young person typed, made comparable: case, spaces and dashes do
/// not matter, and look-alike letters read as the digits they resemble.
pub fn normalise(typed: &str) -> String {
    typed
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| match c.to_ascii_uppercase() {
            'O' => '0',
            'I' | 'L' => '1',
            other => other,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn codes_are_grouped_and_normalise_back() {
        let c = new_code().unwrap();
        assert_eq!(c.len(), 14);
        assert_eq!(c.matches('-').count(), 2);
        let typed = c.to_lowercase().replace('-', " ");
        assert_eq!(normalise(&typed), normalise(&c));
    }

    #[test]
    fn codes_differ() {
        assert_ne!(new_code().unwrap(), new_code().unwrap());
    }
}
