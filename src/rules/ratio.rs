//! **ratio**: a ratio written out with its result.
//!
//! Finds "68/81 = 84 %", "68/81=14 %", "(68 av 81, 84 %)" and "68 av 81 (84 prosent)" and
//! checks the percentage against the division, with every figure standing for its rounding
//! interval. After a change word ("en reduksjon på 81/96 = 16 %", "ein auke på …") the
//! written percentage may also be the change the ratio implies (|1 − a/b|).
//!
//! Why: a ratio whose own result is wrong undermines the conclusion drawn from it.
//!
//! Example: "en ytterligere reduksjon på 68/81=14 %" → 68/81 = 83,95 %, a reduction of
//! 16,05 %: flagged. "(68 av 81, 84 %)" → fine.

use super::prose::{agrees, arithmetic, has_direction_word, is_plain_quantity, passed, Prose};
use super::Outcome;
use crate::extract::numbers::NumUnit;
use crate::model::{CheckPassed, Finding, Severity};
use crate::text::{corners2, decimals_of, fmt_no, head, overlaps, tail, words, Iv};

/// This rule's id in findings (`Finding::rule`), `--rules` and `--disable`.
pub const ID: &str = "ratio";

/// A number written in `s` at `start`: (value, resolution, end). Digits with a decimal comma
/// or point; no thousands groups (a ratio's terms are written tight).
fn number_at(s: &str, start: usize) -> Option<(f64, f64, usize)> {
    let b = s.as_bytes();
    let mut i = start;
    while i < b.len() && b[i].is_ascii_digit() {
        i += 1;
    }
    if i == start {
        return None;
    }
    let mut digits = s.get(start..i)?.to_string();
    let mut res = 1.0;
    if i + 1 < b.len() && (b[i] == b',' || b[i] == b'.') && b[i + 1].is_ascii_digit() {
        let mut j = i + 1;
        while j < b.len() && b[j].is_ascii_digit() {
            j += 1;
        }
        digits.push('.');
        digits.push_str(s.get(i + 1..j)?);
        res = 10f64.powi(-((j - i - 1) as i32));
        i = j;
    }
    let v: f64 = digits.parse().ok()?;
    Some((v, res, i))
}

/// Where a number written in `s` ends at `end` starts (digits and one decimal mark).
fn number_start(s: &str, end: usize) -> Option<usize> {
    let b = s.as_bytes();
    let mut i = end;
    while i > 0
        && (b[i - 1].is_ascii_digit()
            || (b[i - 1] == b',' && i >= 2 && b[i - 2].is_ascii_digit() && i < end))
    {
        i -= 1;
    }
    if i == end {
        return None;
    }
    // Not glued to a date or word: "12.03/24", "A4/5".
    if i > 0 {
        let c = s.get(..i)?.chars().next_back()?;
        if !(c.is_whitespace() || c == '(' || c == ':' || c == '=') {
            return None;
        }
    }
    Some(i)
}

/// The length of a percent unit right at the start of `s` ("%", " %", " prosent", " pst.").
fn percent_unit(s: &str) -> bool {
    let t = s.trim_start_matches([' ', '\u{a0}', '\u{202f}']);
    t.starts_with('%') || {
        let w = words(head(t, 0, 12));
        matches!(w.first().map(String::as_str), Some("prosent" | "pst"))
    }
}

fn ratio_range(a: (f64, f64), b: (f64, f64)) -> Option<Iv> {
    let ai = (a.0 - a.1 / 2.0, a.0 + a.1 / 2.0);
    let bi = (b.0 - b.1 / 2.0, b.0 + b.1 / 2.0);
    if bi.0 <= 0.0 {
        return None;
    }
    corners2(ai, bi, |x, y| x / y * 100.0)
}

fn finding(
    prose: &Prose,
    at: (usize, usize),
    a: (f64, f64),
    b: (f64, f64),
    stated: (f64, f64),
    range: Iv,
    change: bool,
) -> Finding {
    let d = decimals_of(stated.1) + 1;
    let computed = a.0 / b.0 * 100.0;
    let mut message = format!(
        "{}/{} er {} %, ikke {} % som oppgitt",
        fmt_no(a.0, decimals_of(a.1)),
        fmt_no(b.0, decimals_of(b.1)),
        fmt_no(computed, d),
        fmt_no(stated.0, d - 1),
    );
    if change {
        message.push_str(&format!(
            " (som endring: {} %)",
            fmt_no((computed - 100.0).abs(), d)
        ));
    }
    message.push('.');
    let lines = (
        prose.line_at(at.0),
        prose.line_at(at.1.saturating_sub(1).max(at.0)),
    );
    arithmetic(
        ID,
        Severity::Error,
        lines,
        message,
        stated.0,
        computed,
        range,
    )
}

/// A ratio found right: its division (or, after a change word, the change it implies) gives the
/// stated percentage within rounding.
fn pass(
    prose: &Prose,
    at: (usize, usize),
    a: (f64, f64),
    b: (f64, f64),
    stated: (f64, f64),
    range: Iv,
) -> CheckPassed {
    let d = decimals_of(stated.1);
    let ratio = a.0 / b.0 * 100.0;
    let s = (stated.0 - stated.1 / 2.0, stated.0 + stated.1 / 2.0);
    let lhs = format!(
        "{}/{}",
        fmt_no(a.0, decimals_of(a.1)),
        fmt_no(b.0, decimals_of(b.1))
    );
    let (message, computed, range) = if overlaps(range, s) {
        let message = agrees(
            &lhs,
            &format!("{} %", fmt_no(ratio, d)),
            &format!("{} %", fmt_no(stated.0, d)),
        );
        (message, ratio, range)
    } else {
        let change = (ratio - 100.0).abs();
        let message = format!(
            "{lhs} = {} %, en endring på {} %; oppgitt {} % stemmer.",
            fmt_no(ratio, d + 1),
            fmt_no(change, d + 1),
            fmt_no(stated.0, d),
        );
        let r = crate::text::magnitude((range.0 - 100.0, range.1 - 100.0));
        (message, change, r)
    };
    let lines = (
        prose.line_at(at.0),
        prose.line_at(at.1.saturating_sub(1).max(at.0)),
    );
    passed(ID, lines, message, stated.0, computed, range)
}

fn fits(range: Iv, stated: (f64, f64), change: bool) -> bool {
    let s = (stated.0 - stated.1 / 2.0, stated.0 + stated.1 / 2.0);
    if overlaps(range, s) {
        return true;
    }
    change
        && overlaps(
            crate::text::magnitude((range.0 - 100.0, range.1 - 100.0)),
            s,
        )
}

/// "a/b = c %".
fn slashes(prose: &Prose, s: &std::ops::Range<usize>, out: &mut Outcome) {
    let text = prose.slice(s.clone());
    for (k, _) in text.match_indices('/') {
        let Some(a_start) = number_start(text, k) else {
            continue;
        };
        let Some((av, ares, _)) = number_at(text, a_start) else {
            continue;
        };
        let Some((bv, bres, b_end)) = number_at(text, k + 1) else {
            continue;
        };
        let rest = text.get(b_end..).unwrap_or("");
        let t = rest.trim_start_matches([' ', '\u{a0}']);
        let Some(t2) = t.strip_prefix('=') else {
            continue;
        };
        let t2 = t2.trim_start_matches([' ', '\u{a0}']);
        let c_start = text.len() - t2.len();
        let Some((cv, cres, c_end)) = number_at(text, c_start) else {
            continue;
        };
        if !percent_unit(text.get(c_end..).unwrap_or("")) {
            continue;
        }
        let Some(range) = ratio_range((av, ares), (bv, bres)) else {
            continue;
        };
        let change = has_direction_word(tail(text, a_start, 80));
        if fits(range, (cv, cres), change) {
            out.passed.push(pass(
                prose,
                (s.start + a_start, s.start + c_end),
                (av, ares),
                (bv, bres),
                (cv, cres),
                range,
            ));
            continue;
        }
        out.findings.push(finding(
            prose,
            (s.start + a_start, s.start + c_end),
            (av, ares),
            (bv, bres),
            (cv, cres),
            range,
            change,
        ));
    }
}

/// "68 av 81 (84 %)" and "(68 av 81, 84 %)".
fn of_forms(prose: &Prose, s: &std::ops::Range<usize>, out: &mut Outcome) {
    let toks = &prose.tokens;
    let idx = prose.tokens_in(s);
    for i in idx.clone() {
        let (Some(a), Some(b), Some(c)) = (toks.get(i), toks.get(i + 1), toks.get(i + 2)) else {
            continue;
        };
        if i + 2 >= idx.end {
            continue;
        }
        if !(is_plain_quantity(a) && is_plain_quantity(b) && is_plain_quantity(c)) {
            continue;
        }
        if a.unit != NumUnit::None || b.unit != NumUnit::None || c.unit != NumUnit::Percent {
            continue;
        }
        if a.value.fract() != 0.0 || b.value.fract() != 0.0 || a.value > b.value || b.value <= 0.0 {
            continue;
        }
        let ab = prose.text.get(a.span.end..b.span.start).unwrap_or("");
        if ab.trim() != "av" {
            continue;
        }
        let bc = prose.text.get(b.span.end..c.span.start).unwrap_or("");
        let punct: String = bc
            .chars()
            .filter(|ch| !ch.is_alphabetic() && !ch.is_whitespace())
            .collect();
        let n_words = words(bc).len();
        let opened_before = prose
            .text
            .get(..a.span.start)
            .unwrap_or("")
            .trim_end()
            .ends_with('(');
        let closes_after = prose
            .text
            .get(c.span.end..)
            .unwrap_or("")
            .trim_start()
            .starts_with(')');
        let ok =
            n_words <= 2 && closes_after && ((punct == "(") || (punct == "," && opened_before));
        if !ok {
            continue;
        }
        let Some(range) = ratio_range((a.value, a.resolution), (b.value, b.resolution)) else {
            continue;
        };
        if fits(range, (c.value, c.resolution), false) {
            out.passed.push(pass(
                prose,
                (a.span.start, c.span.end),
                (a.value, a.resolution),
                (b.value, b.resolution),
                (c.value, c.resolution),
                range,
            ));
            continue;
        }
        out.findings.push(finding(
            prose,
            (a.span.start, c.span.end),
            (a.value, a.resolution),
            (b.value, b.resolution),
            (c.value, c.resolution),
            range,
            false,
        ));
    }
}

/// Runs the check.
pub fn check(prose: &Prose) -> Vec<Finding> {
    outcome(prose).findings
}

/// Runs the check: the findings, and the ratios found right.
pub fn outcome(prose: &Prose) -> Outcome {
    let mut out = Outcome::default();
    for s in &prose.sentences {
        slashes(prose, s, &mut out);
        of_forms(prose, s, &mut out);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str) -> Vec<Finding> {
        super::super::prose::run_on(text, check)
    }

    #[test]
    fn slash_forms() {
        let f = run("Resultatet er 68/81 = 14 %.");
        assert_eq!(f.len(), 1, "{f:?}");
        assert!((f[0].computed.unwrap() - 83.95).abs() < 0.01);
        assert_eq!(f[0].stated, Some(14.0));
        assert!(
            f[0].message.contains("83,95 %") || f[0].message.contains("84,0 %"),
            "{}",
            f[0].message
        );
        assert!(run("Resultatet er 68/81=84 %.").is_empty());
        // The sample (002 lines 190-191): the first is a reduction of 15,6 % ≈ 16 %, the second
        // a reduction of 16,05 %, not 14 %.
        assert!(run("Pr. mars 2024 sammenliknet med pr. mars 2023, vises en reduksjon på hhv 81/96=16 % ikke hensyntatt prisstigning.").is_empty());
        let f = run("Pr. mars 2025 er det en ytterligere reduksjon på 68/81=14 %.");
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(
            f[0].message.contains("som endring: 16,0 %"),
            "{}",
            f[0].message
        );
        // nynorsk change word
        assert!(run("Det gir ein nedgang på 68/81 = 16 prosent.").is_empty());
        // Dates and fractions without a result are not ratios to check.
        assert!(run("Møtet 12.03/24 = 10 % oppmøte.").is_empty());
        assert!(run("Vakt 24/7 gjennom året.").is_empty());
    }

    #[test]
    fn of_forms_are_checked() {
        assert!(run("Målet er nådd (68 av 81, 84 %).").is_empty());
        assert!(run("Målet er nådd for 68 av 81 (84 prosent).").is_empty());
        assert!(run("Målet er nådd for 68 av 81 kommunar (84 prosent).").is_empty());
        assert_eq!(run("Målet er nådd for 68 av 81 (74 prosent).").len(), 1);
        assert_eq!(run("Målet er nådd (68 av 81, 74 %).").len(), 1);
        // A percent of something else is not the ratio.
        assert!(run("Det gjeld 68 av 81 kommunar, 74 % av innbyggjarane.").is_empty());
    }
}
