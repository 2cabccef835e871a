//! Quantities: the digits of a number (thousands groups, decimals), ranges, years and the
//! quantity token with its unit.

use std::ops::Range;

use super::lexer::Lexer;
use super::scan::*;
use super::{NumUnit, NumberKind};
use crate::document::lexicon;

/// The written digits of one number.
struct Body {
    int: String,
    frac: String,
    end: usize,
    grouped: bool,
}

impl Body {
    fn is_plain_year(&self) -> bool {
        !self.grouped
            && self.frac.is_empty()
            && self.int.len() == 4
            && !self.int.starts_with('0')
            && is_year_value(digits_value(&self.int))
    }
    fn is_plain_int(&self) -> bool {
        !self.grouped && self.frac.is_empty()
    }
}

impl Lexer<'_> {
    /// Reads the digits of one number at `s`: thousands groups and decimals.
    fn body(&mut self, s: usize, allow_join: bool) -> Body {
        let (t, b) = (self.t, self.b);
        let j = digits_end(b, s);
        let g0 = j - s;
        let mut int = t.get(s..j).unwrap_or("").to_string();
        let mut end = j;
        let mut grouped = false;
        let mut frac = String::new();
        if g0 <= 3 && at(b, j) == b'.' && digits_end(b, j + 1) == j + 4 {
            let mut k = j;
            let mut groups: Vec<Range<usize>> = Vec::new();
            while at(b, k) == b'.' && g0 + 3 * (groups.len() + 1) <= MAX_GROUPED_DIGITS {
                let e = digits_end(b, k + 1);
                if e != k + 4 {
                    break;
                }
                groups.push(k + 1..e);
                k = e;
            }
            if groups.len() == 1 && self.unit_at(k).is_some_and(|u| u.exp >= 6) {
                // "11.170 mill.": a decimal point before a scale word.
                if let Some(g) = groups.first() {
                    frac = t.get(g.clone()).unwrap_or("").to_string();
                }
                return Body {
                    int,
                    frac,
                    end: k,
                    grouped: false,
                };
            }
            for g in &groups {
                int.push_str(t.get(g.clone()).unwrap_or(""));
            }
            end = k;
            grouped = true;
        } else if g0 <= 3 && allow_join {
            let mut groups: Vec<Range<usize>> = Vec::new();
            let mut k = j;
            while g0 + 3 * (groups.len() + 1) <= MAX_GROUPED_DIGITS {
                let l = group_sep(b, k);
                if l == 0 {
                    break;
                }
                let gs = k + l;
                let ge = digits_end(b, gs);
                if ge != gs + 3 || (at(b, ge) == b'.' && is_digit(b, ge + 1)) {
                    break;
                }
                groups.push(gs..ge);
                k = ge;
            }
            let mut m = groups.len();
            if !self.cell && m > 0 {
                let zero_led = |g: &Range<usize>| at(b, g.start) == b'0';
                if g0 == 3
                    && groups.first().is_some_and(|g| !zero_led(g))
                    && self.number_cell_follows(k)
                {
                    m = 0;
                    self.no_join_before = k;
                }
                for (i, w) in groups.windows(2).enumerate() {
                    if t.get(w[0].clone()) == Some("000") && !zero_led(&w[1]) {
                        m = m.min(i + 1);
                        break;
                    }
                }
            }
            for g in groups.iter().take(m) {
                int.push_str(t.get(g.clone()).unwrap_or(""));
                end = g.end;
                grouped = true;
            }
        }
        if at(b, end) == b',' && is_digit(b, end + 1) {
            let e = digits_end(b, end + 1);
            frac = t.get(end + 1..e).unwrap_or("").to_string();
            end = e;
        } else if !grouped && at(b, end) == b'.' && is_digit(b, end + 1) {
            let e = digits_end(b, end + 1);
            if !(at(b, e) == b'.' && is_digit(b, e + 1)) {
                frac = t.get(end + 1..e).unwrap_or("").to_string();
                end = e;
            }
        }
        Body {
            int,
            frac,
            end,
            grouped,
        }
    }

    /// Another numeric table cell follows on the line after `k`.
    fn number_cell_follows(&self, k: usize) -> bool {
        let b = self.b;
        let x = skip_hspace(b, k);
        if x == k {
            return false;
        }
        if is_digit(b, x) {
            return true;
        }
        let y = if at(b, x) == b'(' { x + 1 } else { x };
        if is_digit(b, y) {
            return true;
        }
        matches!(dash_at(b, y), Some((_, l)) if is_digit(b, y + l))
    }

    /// A quantity, a year or a range at `s`.
    pub(super) fn quantity(&mut self, s: usize) -> usize {
        let t = self.t;
        let (start, neg, prefix_exp) = self.sign_and_prefix(s);
        let allow_join = s >= self.no_join_before;
        let a = self.body(s, allow_join);
        let upper_body = self.upper_end(&a);
        let (a_int, upper_body) = settle_range(neg, &a, upper_body);
        let num_end = upper_body.as_ref().map_or(a.end, |u| u.end);
        let unit = self.unit_at(num_end);

        // Case numbers "127-2024", codes with a leading zero "090125".
        let case_number = upper_body.as_ref().is_some_and(|u| u.is_plain_year())
            && a.is_plain_int()
            && !a.is_plain_year();
        let zero_led = a.is_plain_int() && a.int.len() >= 2 && a.int.starts_with('0');
        if unit.is_none() && !neg && (case_number || (zero_led && upper_body.is_none())) {
            let v = digits_value(&a.int) as f64;
            self.push(
                s..num_end,
                NumberKind::Reference,
                NumUnit::None,
                v,
                None,
                1.0,
                None,
            );
            return num_end;
        }

        // Years and year ranges.
        if unit.is_none() && !neg && prefix_exp.is_none() && a.is_plain_year() {
            if let Some(end) = self.year(s, &a, upper_body.as_ref(), num_end) {
                return end;
            }
        }

        let exp = match (&unit, prefix_exp) {
            (Some(u), _) if u.exp != 0 => u.exp,
            (_, Some(p)) => p,
            _ => 0,
        };
        let unit_kind = match (&unit, prefix_exp) {
            (Some(u), _) if u.unit != NumUnit::None => u.unit,
            (_, Some(_)) => NumUnit::Nok,
            _ => NumUnit::None,
        };
        let value = num_value(neg, &a_int, &a.frac, exp);
        let (upper, resolution) = match &upper_body {
            Some(u) => (
                Some(num_value(false, &u.int, &u.frac, exp)),
                step_size(u.frac.len(), exp),
            ),
            None => (None, step_size(a.frac.len(), exp)),
        };
        let mut end = num_end;
        let mut kind = NumberKind::Quantity;
        match &unit {
            Some(u) => end = u.end,
            None => {
                // Digits glued to letters ("3b", "24h") name something.
                if char_at(t, end).is_some_and(char::is_alphabetic) {
                    kind = NumberKind::Reference;
                    if let Some((_, we)) = word_at(t, end) {
                        end = we;
                    }
                }
            }
        }
        self.push(start..end, kind, unit_kind, value, upper, resolution, None);
        end
    }

    /// The sign and the currency prefix ("kr", "NOK", "MNOK") before the digits at `s`: where the
    /// token starts, whether it is negative, and the prefix's power of ten.
    fn sign_and_prefix(&self, s: usize) -> (usize, bool, Option<i32>) {
        let (t, b) = (self.t, self.b);
        let mut start = s;
        let mut neg = false;
        if let Some(l) = dash_before(b, s) {
            let ds = s - l;
            let ok_before = char_before(t, ds)
                .is_none_or(|c| c.is_whitespace() || matches!(c, '(' | '[' | '=' | ':' | ';'));
            let back = skip_hspace_back(b, ds);
            let prev = char_before(t, back);
            // After a column gap ("–45,2   –20,0") or as U+2212 after a space, the dash is the
            // next cell's sign, not a range.
            let column_gap = ds - back >= 2 || (ds > back && l == 3 && at(b, ds + 1) == 0x88);
            if ok_before && (column_gap || !prev.is_some_and(|c| c.is_ascii_digit())) {
                neg = true;
                start = ds;
            }
        }
        let mut prefix_exp = None;
        if let Some((ws, w)) = word_before(t, start) {
            match w.as_str() {
                "kr" | "nok" => prefix_exp = Some(0),
                "mnok" => prefix_exp = Some(6),
                _ => {}
            }
            if prefix_exp.is_some() {
                start = ws;
            }
        }
        (start, neg, prefix_exp)
    }

    /// The upper end of a range after the number `a`: "10-15", "7-800.000", "2023 – 2024".
    fn upper_end(&mut self, a: &Body) -> Option<Body> {
        let b = self.b;
        let mut upper_body = None;
        if let Some((d, l)) = dash_at(b, a.end) {
            let bs = a.end + l;
            if d != Dash::Minus && is_digit(b, bs) && digits_end(b, bs) - bs <= MAX_INT_DIGITS {
                upper_body = Some(self.body(bs, true));
            }
        } else if a.is_plain_year() {
            // "2023 – 2024"
            let x = skip_hspace(b, a.end);
            if let Some((Dash::En | Dash::Hyphen, l)) = dash_at(b, x) {
                let y = skip_hspace(b, x + l);
                if x > a.end && y > x + l && is_digit(b, y) {
                    let cand = self.body(y, false);
                    if cand.is_plain_year() {
                        upper_body = Some(cand);
                    }
                }
            }
        }
        upper_body
    }

    /// A year or a year range at `s` ("2024", "2023–2024", "2023-24"): where lexing goes on, or
    /// `None` when it is no year (a count noun follows: "2024 pasienter").
    fn year(
        &mut self,
        s: usize,
        a: &Body,
        upper_body: Option<&Body>,
        num_end: usize,
    ) -> Option<usize> {
        let ay = digits_value(&a.int);
        let upper_year = match upper_body {
            None => None,
            Some(u) if u.is_plain_year() && digits_value(&u.int) > ay => {
                Some(Some(digits_value(&u.int)))
            }
            Some(u) if u.is_plain_int() && u.int.len() == 2 => {
                let y = ay / 100 * 100 + digits_value(&u.int);
                Some((y > ay).then_some(y))
            }
            Some(_) => Some(None),
        };
        match upper_year {
            None if !self.count_noun_follows(a.end) => {
                self.push(
                    s..a.end,
                    NumberKind::Year,
                    NumUnit::None,
                    ay as f64,
                    None,
                    1.0,
                    Some(ay as i32),
                );
                Some(a.end)
            }
            Some(Some(uy)) => {
                self.push(
                    s..num_end,
                    NumberKind::Year,
                    NumUnit::None,
                    ay as f64,
                    Some(uy as f64),
                    1.0,
                    Some(ay as i32),
                );
                Some(num_end)
            }
            Some(None) => {
                // Not a year range: the year stands alone, the rest is lexed anew.
                self.push(
                    s..a.end,
                    NumberKind::Year,
                    NumUnit::None,
                    ay as f64,
                    None,
                    1.0,
                    Some(ay as i32),
                );
                Some(a.end)
            }
            None => None,
        }
    }

    fn count_noun_follows(&self, e: usize) -> bool {
        let x = skip_hspace(self.b, e);
        x > e && word_at(self.t, x).is_some_and(|(w, _)| lexicon().count_nouns.contains(w.as_str()))
    }
}

/// A range "10-15", "7-800.000": the short first end of "7-800.000" counts in the magnitude of
/// the second one. Gives the lower end's integer digits, and the upper end unless it is smaller
/// than the lower one (then the two are no range).
fn settle_range(neg: bool, a: &Body, mut upper_body: Option<Body>) -> (String, Option<Body>) {
    let mut a_int = a.int.clone();
    if let Some(u) = &upper_body {
        let mut lower_int = a.int.clone();
        if a.is_plain_int() && u.grouped && u.frac.is_empty() && u.int.len() > a.int.len() {
            let av = digits_value(&a.int);
            let bv = digits_value(&u.int);
            let mut k = (u.int.len() - a.int.len()) as u32;
            let mut scaled = 10u64.checked_pow(k).and_then(|p| av.checked_mul(p));
            if scaled.is_some_and(|x| x > bv) && k > 0 {
                k -= 1;
                scaled = 10u64.checked_pow(k).and_then(|p| av.checked_mul(p));
            }
            if let Some(x) = scaled.filter(|&x| x <= bv && av > 0) {
                lower_int = x.to_string();
            }
        }
        let lower = num_value(neg, &lower_int, &a.frac, 0);
        let is_year_pair = a.is_plain_year() && u.is_plain_int();
        if is_year_pair || num_value(false, &u.int, &u.frac, 0) >= lower {
            a_int = lower_int;
        } else {
            upper_body = None;
        }
    }
    (a_int, upper_body)
}
