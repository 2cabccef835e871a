//! Word helpers: lowercase words of a text, the word before or after a position, and pieces of
//! a text cut at char boundaries.

/// Lowercase copy.
pub fn lower(s: &str) -> String {
    s.to_lowercase()
}

/// At most `max` bytes of `s` ending at byte `end`, cut at a char boundary.
pub fn tail(s: &str, end: usize, max: usize) -> &str {
    let end = end.min(s.len());
    let mut start = end.saturating_sub(max);
    while start < end && !s.is_char_boundary(start) {
        start += 1;
    }
    let mut e = end;
    while e > start && !s.is_char_boundary(e) {
        e -= 1;
    }
    s.get(start..e).unwrap_or("")
}

/// At most `max` bytes of `s` from byte `start`, cut at a char boundary.
pub fn head(s: &str, start: usize, max: usize) -> &str {
    let mut start = start.min(s.len());
    while start < s.len() && !s.is_char_boundary(start) {
        start += 1;
    }
    let mut end = (start + max).min(s.len());
    while end > start && !s.is_char_boundary(end) {
        end -= 1;
    }
    s.get(start..end).unwrap_or("")
}

/// Lowercase words of `s` (runs of letters, digits and inner hyphens), with trailing dots kept
/// off.
pub fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '.'))
        .map(|w| w.trim_matches(|c| c == '.' || c == '-'))
        .filter(|w| !w.is_empty())
        .map(lower)
        .collect()
}

/// The last word of `s` (lowercase), if `s` ends in one (after trailing spaces only).
pub fn last_word(s: &str) -> Option<String> {
    let t = s.trim_end_matches(|c: char| c.is_whitespace());
    let start = t
        .char_indices()
        .rev()
        .find(|(_, c)| !(c.is_alphabetic() || *c == '.'))
        .map(|(i, c)| i + c.len_utf8())
        .unwrap_or(0);
    let w = t.get(start..)?.trim_end_matches('.');
    if w.is_empty() {
        None
    } else {
        Some(lower(w))
    }
}

/// The first word of `s` (lowercase), if `s` starts with one (after leading spaces only).
pub fn first_word(s: &str) -> Option<String> {
    let t = s.trim_start();
    let end = t
        .char_indices()
        .find(|(_, c)| !c.is_alphabetic())
        .map(|(i, _)| i)
        .unwrap_or(t.len());
    let w = t.get(..end)?;
    if w.is_empty() {
        None
    } else {
        Some(lower(w))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_and_edges() {
        assert_eq!(last_word("har redusert antallet med "), Some("med".into()));
        assert_eq!(first_word("  til 55"), Some("til".into()));
        assert_eq!(
            words("økt med 3,5 % fra"),
            vec!["økt", "med", "3", "5", "fra"]
        );
        assert_eq!(tail("æøå", 4, 2), "ø");
        assert_eq!(tail("æøå", 3, 2), "");
    }
}
