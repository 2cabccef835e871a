//! Folding (lowercasing that keeps every byte offset) and finding whole-word phrases in folded
//! text; a small hasher for maps and sets keyed by short words.

use std::collections::HashMap;

/// Lowercases `s` char by char while keeping every byte offset valid (a char whose lowercase has
/// another UTF-8 length is kept as is).
pub fn fold(s: &str) -> String {
    // ASCII needs no table look-up; only the rest goes through `char::to_lowercase`.
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
            continue;
        }
        let mut lower = c.to_lowercase();
        match (lower.next(), lower.next()) {
            (Some(l), None) if l.len_utf8() == c.len_utf8() => out.push(l),
            _ => out.push(c),
        }
    }
    out
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '-'
}

/// The first position of `needle` in `hay`, as `str::find` gives it (a UTF-8 needle can only
/// match at a char boundary of UTF-8 text). The needles are short phrases, so a scan for the
/// first byte and a compare beats setting up a two-way searcher per call.
pub fn find_bytes(hay: &[u8], needle: &[u8]) -> Option<usize> {
    let (&first, rest) = match needle.split_first() {
        Some(x) => x,
        None => return Some(0),
    };
    if hay.len() < needle.len() {
        return None;
    }
    let last_start = hay.len() - needle.len();
    // The last byte is compared before the middle, and the middle inline: most candidates
    // fail at once, and a `memcmp` call per candidate cost more than the comparison.
    let (&last, middle) = rest.split_last().unwrap_or((&first, &[]));
    let mut i = 0;
    while i <= last_start {
        let at = i + memchr::memchr(first, hay.get(i..=last_start)?)?;
        if hay.get(at + needle.len() - 1) == Some(&last)
            && hay
                .get(at + 1..at + 1 + middle.len())
                .is_some_and(|h| h.iter().zip(middle).all(|(a, b)| a == b))
        {
            return Some(at);
        }
        i = at + 1;
    }
    None
}

/// Finds `phrase` in `folded` as whole words at or after `from`; returns the byte range.
pub fn find_phrase(folded: &str, phrase: &str, from: usize) -> Option<std::ops::Range<usize>> {
    let mut start = from;
    while start <= folded.len() {
        let rel = find_bytes(folded.get(start..)?.as_bytes(), phrase.as_bytes())?;
        let s = start + rel;
        let e = s + phrase.len();
        let before_ok = folded[..s]
            .chars()
            .next_back()
            .is_none_or(|c| !is_word_char(c));
        let after_ok =
            phrase.ends_with('.') || folded[e..].chars().next().is_none_or(|c| !is_word_char(c));
        if before_ok && after_ok {
            return Some(s..e);
        }
        start = s + folded[s..].chars().next().map_or(1, char::len_utf8);
    }
    None
}

/// A small multiplicative hasher for the short words of the phrase index (SipHash showed up in
/// profiles; the keys are our own data, so no protection against chosen collisions is needed).
#[derive(Default, Clone, Copy)]
pub struct WordHasher(u64);

impl std::hash::Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }
    fn write_u32(&mut self, n: u32) {
        self.0 = (self.0 ^ u64::from(n)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

pub type WordMap<K, V> = HashMap<K, V, std::hash::BuildHasherDefault<WordHasher>>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_keeps_offsets() {
        let s = "ÆØÅ İx";
        assert_eq!(fold(s).len(), s.len());
    }

    #[test]
    fn phrases_match_whole_words_only() {
        let f = fold("Andelen skal økes. Overholde minst 95 pst.");
        assert!(find_phrase(&f, "over", 0).is_none());
        assert_eq!(find_phrase(&f, "minst", 0).map(|r| &f[r]), Some("minst"));
        assert_eq!(find_phrase(&f, "pst.", 0).map(|r| &f[r]), Some("pst."));
    }
}
