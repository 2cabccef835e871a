//! Byte and value helpers of the lexer. Positions handed around are always char boundaries: they
//! sit on ASCII bytes or at the start/end of a multi-byte sequence matched whole.

use std::ops::Range;

pub(super) const MAX_INT_DIGITS: usize = 18;
pub(super) const MAX_FRAC_DIGITS: usize = 17;
/// Longest integer part built from thousands groups.
pub(super) const MAX_GROUPED_DIGITS: usize = 15;

pub(super) fn at(b: &[u8], i: usize) -> u8 {
    b.get(i).copied().unwrap_or(0)
}

pub(super) fn is_digit(b: &[u8], i: usize) -> bool {
    at(b, i).is_ascii_digit()
}

pub(super) fn digits_end(b: &[u8], mut i: usize) -> usize {
    while is_digit(b, i) {
        i += 1;
    }
    i
}

/// Byte length of one thousands-separator space at `i` (space, U+00A0, U+202F, U+2009), or 0.
pub(super) fn group_sep(b: &[u8], i: usize) -> usize {
    match at(b, i) {
        b' ' => 1,
        0xC2 if at(b, i + 1) == 0xA0 => 2,
        0xE2 if at(b, i + 1) == 0x80 && matches!(at(b, i + 2), 0xAF | 0x89) => 3,
        _ => 0,
    }
}

pub(super) fn hspace(b: &[u8], i: usize) -> usize {
    if at(b, i) == b'\t' {
        1
    } else {
        group_sep(b, i)
    }
}

pub(super) fn skip_hspace(b: &[u8], mut i: usize) -> usize {
    for _ in 0..64 {
        let l = hspace(b, i);
        if l == 0 {
            break;
        }
        i += l;
    }
    i
}

pub(super) fn skip_hspace_back(b: &[u8], mut i: usize) -> usize {
    for _ in 0..64 {
        if i >= 1 && matches!(at(b, i - 1), b' ' | b'\t') {
            i -= 1;
        } else if i >= 2 && at(b, i - 2) == 0xC2 && at(b, i - 1) == 0xA0 {
            i -= 2;
        } else if i >= 3
            && at(b, i - 3) == 0xE2
            && at(b, i - 2) == 0x80
            && matches!(at(b, i - 1), 0xAF | 0x89)
        {
            i -= 3;
        } else {
            break;
        }
    }
    i
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Dash {
    Hyphen,
    En,
    Minus,
}

pub(super) fn dash_at(b: &[u8], i: usize) -> Option<(Dash, usize)> {
    match at(b, i) {
        b'-' => Some((Dash::Hyphen, 1)),
        0xE2 if at(b, i + 1) == 0x80 && at(b, i + 2) == 0x93 => Some((Dash::En, 3)),
        0xE2 if at(b, i + 1) == 0x88 && at(b, i + 2) == 0x92 => Some((Dash::Minus, 3)),
        _ => None,
    }
}

/// A dash ending right at `i`.
pub(super) fn dash_before(b: &[u8], i: usize) -> Option<usize> {
    if i >= 1 && at(b, i - 1) == b'-' {
        return Some(1);
    }
    if i >= 3 && dash_at(b, i - 3).is_some_and(|(_, l)| l == 3) {
        return Some(3);
    }
    None
}

pub(super) fn char_before(t: &str, i: usize) -> Option<char> {
    t.get(..i)?.chars().next_back()
}

pub(super) fn char_at(t: &str, i: usize) -> Option<char> {
    t.get(i..)?.chars().next()
}

/// The word that ends just before `i` (across horizontal space, within the line), lowercased and
/// stripped of surrounding punctuation, with the byte offset where it starts.
pub(super) fn word_before(t: &str, i: usize) -> Option<(usize, String)> {
    let b = t.as_bytes();
    let end = skip_hspace_back(b, i);
    let mut lo = end.saturating_sub(32);
    while lo < end && !t.is_char_boundary(lo) {
        lo += 1;
    }
    let slice = t.get(lo..end)?;
    let start_rel = match slice.char_indices().rev().find(|(_, c)| c.is_whitespace()) {
        Some((p, c)) => p + c.len_utf8(),
        None if lo > 0 && !at(b, lo - 1).is_ascii_whitespace() => return None,
        None => 0,
    };
    let raw = slice.get(start_rel..)?;
    let trimmed_front = raw.trim_start_matches(['(', '[', '«', '"', '\'']);
    let start = lo + start_rel + (raw.len() - trimmed_front.len());
    let word = trimmed_front.trim_end_matches(['.', ':', ',', ';']);
    if word.is_empty() {
        return None;
    }
    Some((start, word.to_lowercase()))
}

/// The run of letters starting at `i` (at most 32 chars), lowercased, and its end.
pub(super) fn word_at(t: &str, i: usize) -> Option<(String, usize)> {
    let rest = t.get(i..)?;
    let mut end = i;
    for (n, (p, c)) in rest.char_indices().enumerate() {
        if !c.is_alphabetic() || n >= 32 {
            break;
        }
        end = i + p + c.len_utf8();
    }
    if end == i {
        return None;
    }
    Some((t.get(i..end)?.to_lowercase(), end))
}

pub(super) fn at_line_start(t: &str, i: usize) -> bool {
    let b = t.as_bytes();
    let mut i = i;
    for _ in 0..32 {
        if i == 0 {
            return true;
        }
        match at(b, i - 1) {
            b'\n' | b'\r' => return true,
            b' ' | b'\t' | b'-' | b'*' => i -= 1,
            0xA0 if i >= 2 && at(b, i - 2) == 0xC2 => i -= 2,
            // "•" U+2022, "–" U+2013
            0xA2 | 0x93 if i >= 3 && at(b, i - 3) == 0xE2 && at(b, i - 2) == 0x80 => i -= 3,
            _ => return false,
        }
    }
    false
}

pub(super) fn is_year_value(v: u64) -> bool {
    (1900..=2100).contains(&v)
}

/// Parses ASCII digits (at most 18, so it fits).
pub(super) fn digits_value(s: &str) -> u64 {
    s.bytes().take(MAX_INT_DIGITS).fold(0u64, |acc, d| {
        acc * 10 + u64::from(d.wrapping_sub(b'0') % 10)
    })
}

pub(super) fn num_value(neg: bool, int: &str, frac: &str, exp: i32) -> f64 {
    let frac = frac.get(..frac.len().min(MAX_FRAC_DIGITS)).unwrap_or("");
    let s = format!(
        "{}{}.{}e{}",
        if neg { "-" } else { "" },
        if int.is_empty() { "0" } else { int },
        if frac.is_empty() { "0" } else { frac },
        exp
    );
    s.parse::<f64>()
        .ok()
        .filter(|v| v.is_finite())
        .unwrap_or(0.0)
}

pub(super) fn step_size(frac_len: usize, exp: i32) -> f64 {
    let d = frac_len.min(MAX_FRAC_DIGITS) as i32;
    format!("1e{}", exp - d).parse::<f64>().unwrap_or(1.0)
}

/// URL and e-mail words, whose digits are no numbers.
pub(super) fn url_spans(t: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    // Most text has no link at all: one fast scan of the whole text instead of one per word.
    // "www." (any case) ends in a '.': look only behind the dots.
    let b = t.as_bytes();
    let maybe_www = memchr::memchr_iter(b'.', b).any(|p| {
        p >= 3
            && b.get(p - 3..p)
                .is_some_and(|w| w.eq_ignore_ascii_case(b"www"))
    });
    if !maybe_www && !t.contains("://") && !t.contains('@') {
        return out;
    }
    let mut start: Option<usize> = None;
    let mut push = |s: usize, e: usize| {
        let w = t.get(s..e).unwrap_or("");
        let lw = w.trim_start_matches(['(', '<', '[']);
        if w.contains("://")
            || w.contains('@')
            || lw.get(..4).is_some_and(|p| p.eq_ignore_ascii_case("www."))
        {
            out.push(s..e);
        }
    };
    for (i, c) in t.char_indices() {
        if c.is_whitespace() {
            if let Some(s) = start.take() {
                push(s, i);
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(s) = start {
        push(s, t.len());
    }
    out
}
