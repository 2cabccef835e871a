//! The unit written after a number: percent, days, kroner with their scale words ("mill.",
//! "mrd."), per 100 000.

use super::lexer::Lexer;
use super::scan::*;
use super::NumUnit;
use crate::document::lexicon;

/// A unit after a number: what it is, its power of ten and where it ends.
pub(super) struct UnitMatch {
    pub(super) unit: NumUnit,
    pub(super) exp: i32,
    pub(super) end: usize,
}

impl Lexer<'_> {
    /// The unit written after a number ending at `k`.
    pub(super) fn unit_at(&self, k: usize) -> Option<UnitMatch> {
        let (t, b) = (self.t, self.b);
        let m = |unit, exp, end| Some(UnitMatch { unit, exp, end });
        if at(b, k) == b',' {
            if at(b, k + 1) == b'-' && !is_digit(b, k + 2) {
                return m(NumUnit::Nok, 0, k + 2);
            }
            if at(b, k + 1) == b' ' && at(b, k + 2) == b'-' && !is_digit(b, k + 3) {
                return m(NumUnit::Nok, 0, k + 3);
            }
        }
        let k0 = skip_hspace(b, k);
        if at(b, k0) == b'%' {
            let e = k0 + 1;
            if t.get(e..).is_some_and(|r| r.starts_with("-poeng")) {
                return m(NumUnit::PercentagePoints, 0, e + 6);
            }
            return m(NumUnit::Percent, 0, e);
        }
        let (w, we) = word_at(t, k0)?;
        let dot_end = if at(b, we) == b'.' { we + 1 } else { we };
        let (unit, exp, end) = match w.as_str() {
            "prosent" | "prosents" | "prosenten" => (NumUnit::Percent, 0, we),
            "pst" => (NumUnit::Percent, 0, dot_end),
            "prosentpoeng" | "prosentpoenget" | "prosentpoengs" => {
                (NumUnit::PercentagePoints, 0, we)
            }
            "pp" => (NumUnit::PercentagePoints, 0, dot_end),
            "dager" | "dagar" | "dag" | "dagers" | "dagars" | "døgn" => (NumUnit::Days, 0, we),
            "timer" | "timar" | "time" | "timers" | "timars" => (NumUnit::Hours, 0, we),
            "uker" | "uke" | "ukers" | "veker" | "veke" | "vekers" => (NumUnit::Weeks, 0, we),
            "måneder" | "måned" | "måneders" | "månader" | "månad" | "månaders" => {
                (NumUnit::Months, 0, we)
            }
            "mnd" => (NumUnit::Months, 0, dot_end),
            "år" | "års" => (NumUnit::Years, 0, we),
            "personer" | "personar" | "person" => (NumUnit::Persons, 0, we),
            "årsverk" => (NumUnit::Fte, 0, we),
            "kr" => (NumUnit::Nok, 0, dot_end),
            "kroner" | "kronar" | "nok" => (NumUnit::Nok, 0, we),
            "mnok" => (NumUnit::Nok, 6, we),
            "tnok" => (NumUnit::Nok, 3, we),
            "mill" | "millioner" | "million" | "millionar" => {
                let e = if w == "mill" { dot_end } else { we };
                return m(NumUnit::Nok, 6, self.currency_after(e).unwrap_or(e));
            }
            "mrd" | "milliarder" | "milliard" | "milliardar" => {
                let e = if w == "mrd" { dot_end } else { we };
                return m(NumUnit::Nok, 9, self.currency_after(e).unwrap_or(e));
            }
            "tusen" => {
                return match self.currency_after(we) {
                    Some(e) => m(NumUnit::Nok, 3, e),
                    None => m(NumUnit::None, 3, we),
                };
            }
            "per" | "pr" => {
                return self
                    .per_100k(dot_end)
                    .and_then(|e| m(NumUnit::Per100k, 0, e))
            }
            _ => return None,
        };
        m(unit, exp, end)
    }

    /// "kr", "kr.", "kroner", "NOK" after a scale word: the end of it.
    fn currency_after(&self, e: usize) -> Option<usize> {
        let x = skip_hspace(self.b, e);
        let (w, we) = word_at(self.t, x)?;
        if !lexicon().currency_words.contains(w.as_str()) {
            return None;
        }
        Some(if w == "kr" && at(self.b, we) == b'.' {
            we + 1
        } else {
            we
        })
    }

    /// "100 000", "100.000", "100000" (+ "innbyggere") after "per"/"pr.".
    fn per_100k(&self, e: usize) -> Option<usize> {
        let (t, b) = (self.t, self.b);
        let d0 = skip_hspace(b, e);
        if d0 == e || !t.get(d0..)?.starts_with("100") {
            return None;
        }
        let x = d0 + 3;
        let l = group_sep(b, x);
        let x = if l > 0 && t.get(x + l..)?.starts_with("000") {
            x + l + 3
        } else if at(b, x) == b'.' && t.get(x + 1..)?.starts_with("000") {
            x + 4
        } else if t.get(x..)?.starts_with("000") {
            x + 3
        } else {
            return None;
        };
        if is_digit(b, x) {
            return None;
        }
        let y = skip_hspace(b, x);
        if let Some((w, we)) = word_at(t, y) {
            if w.starts_with("innb") {
                return Some(if at(b, we) == b'.' { we + 1 } else { we });
            }
        }
        Some(x)
    }
}
