//! **rate**: a rate per 100 000 against the count and population it is computed from.
//!
//! Finds a figure "N per 100 000" with a count just before it and a labelled population nearby
//! ("Befolkning 735 610", "innbyggjarar 735 610", "(befolkning 735 610)", "735 610 innbyggere"),
//! in prose or in a label/value list flattened from a table, and checks count / population ×
//! 100 000 against the stated rate, with every figure standing for its rounding interval.
//!
//! Why: a rate that does not follow from its own count and population misstates capacity or
//! incidence, and the reader cannot tell which figure is wrong.
//!
//! Example: "Befolkning 735 610 / Ordinære plasser 77 / Tilsvarer andel 10,2 per 100 000" →
//! 77 / 735 610 × 100 000 = 10,47: flagged at the rate's line.
//!
//! Binding rules (precision first): the count is the nearest whole number before the rate, with
//! nothing but years between, and after the previous rate; the population is a number labelled
//! as one within 600 bytes before or 150 after the rate, and exactly one such value must be
//! there.

use super::prose::{
    arithmetic, decimals_for, fmt_unit, is_per_100k, is_plain_quantity, looks_like_year, passed,
    Prose,
};
use super::Outcome;
use crate::document::lexicon;
use crate::extract::numbers::{NumUnit, NumberToken};
use crate::model::{Finding, Severity};
use crate::text::{corners2, fmt_no, head, last_word, overlaps, tail, words};

/// This rule's id in findings (`Finding::rule`), `--rules` and `--disable`.
pub const ID: &str = "rate";

const BEFORE: usize = 600;
const AFTER: usize = 150;

/// "per 100 000" written as a separate number.
fn is_per_marker(prose: &Prose, t: &NumberToken) -> bool {
    let before = prose.text.get(..t.span.start).unwrap_or("");
    matches!(last_word(before).as_deref(), Some("per" | "pr"))
}

fn is_population(prose: &Prose, t: &NumberToken) -> bool {
    let countable = matches!(t.unit, NumUnit::None | NumUnit::Persons);
    if !is_plain_quantity(t) || !countable || is_per_marker(prose, t) {
        return false;
    }
    if is_per_100k(t, prose.text) || looks_like_year(t, prose.text) {
        return false;
    }
    let before = tail(prose.text, t.span.start, 48);
    let cut = before
        .rfind(|c: char| c.is_ascii_digit() || c == '.' || c == ';')
        .map(|i| i + 1)
        .unwrap_or(0);
    let mut ws = words(before.get(cut..).unwrap_or(""));
    while ws
        .last()
        .is_some_and(|w| lexicon().label_glue.contains(w.as_str()))
    {
        ws.pop();
    }
    if ws
        .last()
        .is_some_and(|w| lexicon().population_labels.contains(w.as_str()))
    {
        return true;
    }
    let after = crate::text::head(prose.text, t.span.end, 24);
    words(after)
        .first()
        .is_some_and(|w| lexicon().population_labels.contains(w.as_str()))
}

/// Whether the figure at `start..end` stands alone in brackets with at most a few words
/// ("(412)", "(om lag 193 000)", "(2023: 70)").
fn in_brackets(text: &str, start: usize, end: usize) -> bool {
    let before = tail(text, start, 24);
    let after = head(text, end, 24);
    let open = before
        .rfind(['(', ')'])
        .is_some_and(|i| before[i..].starts_with('('));
    let close = after
        .find(['(', ')'])
        .is_some_and(|i| after[i..].starts_with(')'));
    open && close
}

/// Runs the check.
pub fn check(prose: &Prose) -> Vec<Finding> {
    outcome(prose).findings
}

/// Runs the check: the findings, and the rates found to follow from their count and population.
pub fn outcome(prose: &Prose) -> Outcome {
    let mut out = Outcome::default();
    let toks = &prose.tokens;
    for (r, rate) in toks.iter().enumerate() {
        if !is_per_100k(rate, prose.text) || is_per_marker(prose, rate) {
            continue;
        }
        if rate.upper.is_some() || !rate.value.is_finite() {
            continue;
        }
        // The count: the nearest whole number before the rate.
        let mut count = None;
        for j in (0..r).rev() {
            let t = &toks[j];
            if t.span.end + BEFORE < rate.span.start {
                break;
            }
            if is_per_marker(prose, t) || is_per_100k(t, prose.text) {
                break;
            }
            // "1 912 … i 2024, mot 1 874 i 2023. Med en befolkning på 748 000 gir dette 262 per
            // 100 000": the population and the earlier year's figure are passed over.
            if looks_like_year(t, prose.text) || is_population(prose, t) {
                continue;
            }
            // "(412)", "(om lag 193 000)": an earlier period's figure in brackets.
            if in_brackets(prose.text, t.span.start, t.span.end) {
                continue;
            }
            let word_before = last_word(prose.text.get(..t.span.start).unwrap_or(""));
            if word_before
                .as_deref()
                .is_some_and(|w| matches!(w, "mot" | "fra" | "frå"))
            {
                continue;
            }
            let countable = matches!(t.unit, NumUnit::None | NumUnit::Persons);
            if is_plain_quantity(t) && countable && t.value.fract() == 0.0 {
                count = Some(t);
            }
            break;
        }
        let Some(count) = count else { continue };
        // The population: exactly one labelled value nearby.
        let lo = rate.span.start.saturating_sub(BEFORE);
        let hi = rate.span.end + AFTER;
        let a = toks.partition_point(|t| t.span.start < lo);
        let b = toks.partition_point(|t| t.span.start < hi);
        let mut pops: Vec<&NumberToken> = Vec::new();
        for t in toks.get(a..b).unwrap_or(&[]) {
            if is_population(prose, t) && !pops.iter().any(|p| p.value == t.value) {
                pops.push(t);
            }
        }
        // Several populations nearby: the one in the rate's own sentence before it, if exactly
        // one is ("Med en befolkning på 748 000 gir dette 262 per 100 000"); else nothing.
        if pops.len() > 1 {
            let sentence_start = prose
                .sentences
                .iter()
                .find(|s| s.start <= rate.span.start && rate.span.start < s.end)
                .map_or(rate.span.start, |s| s.start);
            pops.retain(|p| p.span.start >= sentence_start && p.span.end <= rate.span.start);
        }
        if pops.len() != 1 {
            continue;
        }
        let pop = pops[0];
        if pop.value <= count.value || pop.interval().0 <= 0.0 {
            continue;
        }
        let Some(range) = corners2(count.interval(), pop.interval(), |c, p| c / p * 1e5) else {
            continue;
        };
        let computed = count.value / pop.value * 1e5;
        let d = decimals_for(rate.resolution, NumUnit::Per100k, rate.value);
        let line = prose.line_at(rate.span.start);
        if overlaps(range, rate.interval()) {
            let message = format!(
                "Oppgitt {} stemmer med {} av {} innbyggere: det gir {}.",
                fmt_unit(rate.value, NumUnit::Per100k, d),
                fmt_no(count.value, 0),
                fmt_no(pop.value, 0),
                fmt_unit(computed, NumUnit::Per100k, d + 1),
            );
            out.passed.push(passed(
                ID,
                (line, line),
                message,
                rate.value,
                computed,
                range,
            ));
            continue;
        }
        let message = format!(
            "Oppgitt {} stemmer ikke med {} av {} innbyggere: det gir {}.",
            fmt_unit(rate.value, NumUnit::Per100k, d),
            fmt_no(count.value, 0),
            fmt_no(pop.value, 0),
            fmt_unit(computed, NumUnit::Per100k, d + 1),
        );
        out.findings.push(arithmetic(
            ID,
            Severity::Warning,
            (line, line),
            message,
            rate.value,
            computed,
            range,
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str) -> Vec<Finding> {
        super::super::prose::run_on(text, check)
    }

    const LIST: &str = "Intensiv- og overvåkningsplasser: \n\nBefolkning 735 610 \n\nOrdinære plasser 77 \n\nTilsvarer andel 10,2 per 100 000 \n\nBeredskapsplasser 126 \n\nTilsvarer andel 16,7 per 100 000 \n";

    #[test]
    fn label_value_list() {
        let f = run(LIST);
        assert_eq!(f.len(), 2, "{f:?}");
        assert_eq!(f[0].line, 7);
        assert_eq!(f[0].stated, Some(10.2));
        assert!((f[0].computed.unwrap() - 10.468).abs() < 0.01);
        assert!(
            f[0].message.contains("10,47 per 100 000"),
            "{}",
            f[0].message
        );
        assert_eq!(f[1].line, 11);
        assert!((f[1].computed.unwrap() - 17.13).abs() < 0.01);
    }

    #[test]
    fn prose_forms() {
        assert!(run(
            "Det er 77 plasser, som gir 10,5 per 100 000 innbyggere (befolkning 735 610)."
        )
        .is_empty());
        assert_eq!(
            run("Det er 77 plasser, som gir 10,2 per 100 000 innbyggere (befolkning 735 610).")
                .len(),
            1
        );
        // nynorsk
        assert!(
            run("Folketalet er 735 610. Det gir 77 plassar, eller 10,5 per 100 000.").is_empty()
        );
        assert_eq!(
            run("Innbyggjarar 735 610. Det er 126 plassar, altså 16,7 per 100 000 innbyggjarar.")
                .len(),
            1
        );
    }

    #[test]
    fn earlier_figures_in_brackets_are_not_the_count() {
        // The bracketed figures are last year's; the count is 312 (312 / 240 000 = 130,0).
        let ok = "Det ble registrert 312 tilfeller i 2024 (355). Med om lag 240 000 innbyggere \
                  (om lag 238 000) gir dette 130,0 per 100 000 innbyggere (149,2).";
        assert!(run(ok).is_empty(), "{:?}", run(ok));
        let wrong = ok.replace("130,0 per", "140,0 per");
        assert_eq!(run(&wrong).len(), 1);
    }

    #[test]
    fn without_population_or_count_nothing_is_checked() {
        assert!(run("Det er 10,2 plasser per 100 000 innbyggere.").is_empty());
        assert!(run("Ordinære plasser 77. Tilsvarer andel 10,2 per 100 000.").is_empty());
        // Two different populations nearby: not clear which one.
        assert!(run("Befolkning 735 610 i Trøndelag og befolkning 480 000 i Møre. Plasser 77, tilsvarer 10,2 per 100 000.").is_empty());
    }
}
