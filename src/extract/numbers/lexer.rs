//! The lexer's walk over the text and the tokens that are no plain quantities: references
//! (sections, case numbers, telephone numbers), dates, periods and ordinals.

use std::ops::Range;

use super::scan::*;
use super::words::{month_of, period_unit};
use super::{NumUnit, NumberKind, NumberToken};
use crate::document::lexicon;

pub(super) struct Lexer<'a> {
    pub(super) t: &'a str,
    pub(super) b: &'a [u8],
    /// Lexing one table cell: no table-row guards on joining thousands groups.
    pub(super) cell: bool,
    /// Thousands groups starting before this offset are separate table cells.
    pub(super) no_join_before: usize,
    out: Vec<NumberToken>,
}

impl<'a> Lexer<'a> {
    pub(super) fn new(t: &'a str, cell: bool) -> Self {
        Lexer {
            t,
            b: t.as_bytes(),
            cell,
            no_join_before: 0,
            out: Vec::new(),
        }
    }

    pub(super) fn run(mut self) -> Vec<NumberToken> {
        let skips = url_spans(self.t);
        let mut si = 0;
        let mut i = 0;
        let n = self.b.len();
        while i < n {
            if !is_digit(self.b, i) {
                // Straight to the next digit.
                i = self
                    .b
                    .get(i..)
                    .and_then(|r| r.iter().position(u8::is_ascii_digit))
                    .map_or(n, |p| i + p);
                continue;
            }
            while skips.get(si).is_some_and(|r| r.end <= i) {
                si += 1;
            }
            if let Some(r) = skips.get(si) {
                if r.start <= i {
                    i = r.end;
                    continue;
                }
            }
            let next = self.step(i);
            i = next.max(i + 1);
        }
        self.out
    }

    #[allow(clippy::too_many_arguments)]
    pub(super) fn push(
        &mut self,
        span: Range<usize>,
        kind: NumberKind,
        unit: NumUnit,
        value: f64,
        upper: Option<f64>,
        resolution: f64,
        year: Option<i32>,
    ) {
        let negative_context = kind == NumberKind::Quantity && self.negative_context(&span);
        self.out.push(NumberToken {
            value,
            upper,
            resolution,
            unit,
            kind,
            span,
            year,
            negative_context,
        });
    }

    /// One number starting with the digit at `s`; returns where lexing goes on.
    fn step(&mut self, s: usize) -> usize {
        let (t, b) = (self.t, self.b);
        let j = digits_end(b, s);
        if j - s > MAX_INT_DIGITS {
            return j;
        }
        if let Some(p) = char_before(t, s) {
            if p.is_alphabetic() {
                return self.letter_period(s, j, p).unwrap_or(j);
            }
            let pp = char_before(t, s - p.len_utf8());
            if matches!(p, '.' | ':' | '_') && pp.is_some_and(char::is_alphanumeric) {
                return j;
            }
            if matches!(p, '/' | '-') && pp.is_some_and(char::is_alphabetic) {
                return j;
            }
            if p.is_ascii_digit() {
                return j;
            }
        }
        if let Some(e) = self.numeric_date(s) {
            return e;
        }
        if let Some((_, w)) = word_before(t, s) {
            if lexicon().reference_words.contains(w.as_str()) {
                return self
                    .reference_chain(s, lexicon().spaced_reference_words.contains(w.as_str()));
            }
        }
        let next_is = |c: u8| at(b, j) == c && is_digit(b, j + 1);
        if j - s >= 2 && at(b, s) == b'0' && (next_is(b'.') || next_is(b':')) {
            return self.reference_chain(s, false);
        }
        if next_is(b':') {
            return self.reference_chain(s, false);
        }
        if next_is(b'.') {
            if let Some(e) = self.section(s, j) {
                return e;
            }
        }
        if at(b, j) == b'.' && j - s <= 3 {
            if let Some(e) = self.ordinal(s, j) {
                return e;
            }
        }
        self.quantity(s)
    }

    fn reference_chain(&mut self, s: usize, spaced: bool) -> usize {
        let b = self.b;
        let first_end = digits_end(b, s);
        let mut k = first_end;
        for _ in 0..12 {
            if matches!(at(b, k), b'.' | b':' | b'/' | b'-') && is_digit(b, k + 1) {
                k = digits_end(b, k + 1);
                continue;
            }
            if let Some((Dash::En, l)) = dash_at(b, k) {
                if is_digit(b, k + l) {
                    k = digits_end(b, k + l);
                    continue;
                }
            }
            let l = group_sep(b, k);
            if spaced && l > 0 && is_digit(b, k + l) {
                k = digits_end(b, k + l);
                continue;
            }
            break;
        }
        let v = digits_value(self.t.get(s..first_end).unwrap_or("")) as f64;
        self.push(
            s..k,
            NumberKind::Reference,
            NumUnit::None,
            v,
            None,
            1.0,
            None,
        );
        k
    }

    /// "Q3 2025", "T2 2024", "H1 2025": a period letter glued to one digit.
    fn letter_period(&mut self, s: usize, j: usize, p: char) -> Option<usize> {
        let (t, b) = (self.t, self.b);
        if j - s != 1 {
            return None;
        }
        let n = at(b, s).wrapping_sub(b'0');
        let unit = match p {
            'Q' | 'q' if (1..=4).contains(&n) => NumUnit::Quarter,
            'T' if (1..=3).contains(&n) => NumUnit::Tertial,
            'H' if (1..=2).contains(&n) => NumUnit::HalfYear,
            _ => return None,
        };
        let ps = s - p.len_utf8();
        if char_before(t, ps).is_some_and(char::is_alphanumeric)
            || char_at(t, j).is_some_and(char::is_alphanumeric)
        {
            return None;
        }
        let (year, end) = self.year_after(j);
        if unit != NumUnit::Quarter && year.is_none() {
            return None;
        }
        self.push(
            ps..end,
            NumberKind::Period,
            unit,
            f64::from(n),
            None,
            1.0,
            year,
        );
        Some(end)
    }

    /// An optional " 2025" after `i`: the year and the end of the token.
    fn year_after(&self, i: usize) -> (Option<i32>, usize) {
        let b = self.b;
        let y0 = skip_hspace(b, i);
        let ye = digits_end(b, y0);
        if y0 > i && ye - y0 == 4 && !char_at(self.t, ye).is_some_and(char::is_alphanumeric) {
            let v = digits_value(self.t.get(y0..ye).unwrap_or(""));
            if is_year_value(v) {
                return (Some(v as i32), ye);
            }
        }
        (None, i)
    }

    /// "20.08.2024", "01.01.25", "1.7.23".
    fn numeric_date(&mut self, s: usize) -> Option<usize> {
        let (t, b) = (self.t, self.b);
        let d_end = digits_end(b, s);
        if !(1..=2).contains(&(d_end - s)) || at(b, d_end) != b'.' {
            return None;
        }
        let m_end = digits_end(b, d_end + 1);
        if !(1..=2).contains(&(m_end - d_end - 1)) || at(b, m_end) != b'.' {
            return None;
        }
        let y_end = digits_end(b, m_end + 1);
        let ylen = y_end - m_end - 1;
        if !(ylen == 2 || ylen == 4) || (at(b, y_end) == b'.' && is_digit(b, y_end + 1)) {
            return None;
        }
        let day = digits_value(t.get(s..d_end)?);
        let month = digits_value(t.get(d_end + 1..m_end)?);
        let mut year = digits_value(t.get(m_end + 1..y_end)?);
        if ylen == 2 {
            year += 2000;
        }
        if !(1..=31).contains(&day) || !(1..=12).contains(&month) || !is_year_value(year) {
            return None;
        }
        let v = (year * 10000 + month * 100 + day) as f64;
        self.push(
            s..y_end,
            NumberKind::Date,
            NumUnit::None,
            v,
            None,
            1.0,
            Some(year as i32),
        );
        Some(y_end)
    }

    /// Dotted numbers that are no amounts: "3.5.2", and "2.1 Styrke" at the start of a line.
    fn section(&mut self, s: usize, j: usize) -> Option<usize> {
        let b = self.b;
        let mut k = j;
        let mut groups = 0usize;
        let mut all_three = j - s <= 3;
        while at(b, k) == b'.' && is_digit(b, k + 1) && groups < 8 {
            let e = digits_end(b, k + 1);
            all_three &= e - k - 1 == 3;
            groups += 1;
            k = e;
        }
        if all_three {
            return None;
        }
        let is_ref = if groups >= 2 {
            true
        } else if at_line_start(self.t, s) {
            let mut x = k;
            if at(b, x) == b'.' {
                x += 1;
            }
            let y = skip_hspace(b, x);
            y > x && char_at(self.t, y).is_some_and(char::is_uppercase)
        } else {
            false
        };
        if !is_ref {
            return None;
        }
        let v = digits_value(self.t.get(s..j).unwrap_or("")) as f64;
        self.push(
            s..k,
            NumberKind::Reference,
            NumUnit::None,
            v,
            None,
            1.0,
            None,
        );
        Some(k)
    }

    /// "1. januar 2024", "2. tertial", "1.–2. kvartal 2026", "5. Oppdrag" (list), "2. linje".
    fn ordinal(&mut self, s: usize, j: usize) -> Option<usize> {
        let (t, b) = (self.t, self.b);
        let n = digits_value(t.get(s..j)?);
        let mut k = j + 1;
        let mut upper = None;
        let d0 = skip_hspace(b, k);
        if let Some((Dash::Hyphen | Dash::En, l)) = dash_at(b, d0) {
            let n0 = skip_hspace(b, d0 + l);
            let ne = digits_end(b, n0);
            if (1..=2).contains(&(ne - n0)) && at(b, ne) == b'.' {
                upper = Some(digits_value(t.get(n0..ne)?));
                k = ne + 1;
            }
        }
        let ws = skip_hspace(b, k);
        if ws == k {
            return None;
        }
        let (w, we) = word_at(t, ws)?;
        if upper.is_none() {
            if let Some(month) = month_of(&w) {
                if !(1..=31).contains(&n) {
                    return None;
                }
                let mut end = we;
                if w.len() <= 4 && at(b, end) == b'.' {
                    end += 1;
                }
                let (year, end) = match self.year_after(end) {
                    (Some(y), e) => (Some(y), e),
                    (None, _) => (None, end),
                };
                let v = year.map_or(0, |y| y as u64 * 10000) + u64::from(month) * 100 + n;
                self.push(
                    s..end,
                    NumberKind::Date,
                    NumUnit::None,
                    v as f64,
                    None,
                    1.0,
                    year,
                );
                return Some(end);
            }
        }
        if let Some(unit) = period_unit(&w) {
            let (year, end) = match self.year_after(we) {
                (Some(y), e) => (Some(y), e),
                (None, _) => (None, we),
            };
            self.push(
                s..end,
                NumberKind::Period,
                unit,
                n as f64,
                upper.map(|u| u as f64),
                1.0,
                year,
            );
            return Some(end);
        }
        if upper.is_some() {
            return None;
        }
        let first = w.chars().next()?;
        if first.is_lowercase() || at_line_start(t, s) {
            self.push(
                s..j + 1,
                NumberKind::Reference,
                NumUnit::None,
                n as f64,
                None,
                1.0,
                None,
            );
            return Some(j + 1);
        }
        None
    }

    fn negative_context(&self, span: &Range<usize>) -> bool {
        let t = self.t;
        let mut lo = span.start.saturating_sub(48);
        while lo < span.start && !t.is_char_boundary(lo) {
            lo += 1;
        }
        let before = t.get(lo..span.start).unwrap_or("");
        let before = before.rsplit('\n').next().unwrap_or("");
        let clean = |w: &str| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        };
        if before
            .split_whitespace()
            .rev()
            .take(3)
            .any(|w| lexicon().negative_words.contains(clean(w).as_str()))
        {
            return true;
        }
        let mut hi = (span.end + 32).min(t.len());
        while hi > span.end && !t.is_char_boundary(hi) {
            hi -= 1;
        }
        let after = t.get(span.end..hi).unwrap_or("");
        let after = after.split('\n').next().unwrap_or("");
        let mut words = after.split_whitespace().map(clean);
        matches!(
            (words.next().as_deref(), words.next().as_deref()),
            (Some("i"), Some("underskudd" | "underskot"))
        )
    }
}
