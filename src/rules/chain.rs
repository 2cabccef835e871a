//! **chain**: a start value, a change and an end value that must add up.
//!
//! Finds "X … økt med D til Y" / "auka med D til Y" / "redusert med D til Y" when the start
//! value X is stated in the same sentence ("en ramme på 3 518 mill. kroner … økt med 870 mill.
//! kroner til 4 388 mill. kroner") and checks X ± D = Y (or X × (1 ± D %) = Y for a change in
//! % of a non-% value), and "utgjør N % av X (Y)" where Y must be N % of X. Every figure
//! stands for its rounding interval; only what no rounding can explain is flagged. Without a
//! stated start value there is nothing to check.
//!
//! Why: a chain that does not add up means one of the three figures is wrong.
//!
//! Example: "rammen på 3 518 mill. kroner ble økt med 800 mill. kroner til 4 388 mill. kroner"
//! → 3 518 + 800 = 4 318: flagged. "… økt med 870 mill. kroner til 4 388 mill. kroner" → fine.
//!
//! Sentences with a "fra X til Y" pair are left to `change`.

use super::change::change_figures;
use super::prose::{
    agrees, arithmetic, decimals_for, fmt_unit, is_plain_quantity, looks_like_year, pairs_in,
    passed, shown_beside, written, Dir, Prose,
};
use super::Outcome;
use crate::document::lexicon;
use crate::extract::numbers::{NumUnit, NumberToken};
use crate::model::{Finding, Severity};
use crate::text::{corners2, last_word, overlaps, words, Iv};

/// This rule's id in findings (`Finding::rule`), `--rules` and `--disable`.
pub const ID: &str = "chain";

fn between<'a>(prose: &Prose<'a>, a: &NumberToken, b: &NumberToken) -> &'a str {
    prose.text.get(a.span.end..b.span.start).unwrap_or("")
}

/// Runs the check.
pub fn check(prose: &Prose) -> Vec<Finding> {
    outcome(prose).findings
}

/// Runs the check: the findings, and the chains and shares found to add up.
pub fn outcome(prose: &Prose) -> Outcome {
    let mut out = Outcome::default();
    for s in &prose.sentences {
        let idx = prose.tokens_in(s);
        if pairs_in(prose, s).is_empty() {
            step_chains(prose, s, idx.clone(), &mut out);
        }
        shares(prose, idx, &mut out);
    }
    out
}

fn step_chains(
    prose: &Prose,
    s: &std::ops::Range<usize>,
    idx: std::ops::Range<usize>,
    out: &mut Outcome,
) {
    let toks = &prose.tokens;
    let figures = change_figures(prose, s);
    for fig in &figures {
        if fig.dir == Dir::Change {
            continue;
        }
        let (Some(d), Some(y)) = (toks.get(fig.token), toks.get(fig.token + 1)) else {
            continue;
        };
        if fig.token + 1 >= idx.end || words(between(prose, d, y)) != ["til"] {
            continue;
        }
        if !is_plain_quantity(y) || looks_like_year(y, prose.text) {
            continue;
        }
        // The start value: exactly one figure in y's unit before the change, introduced as one.
        let starts: Vec<&NumberToken> = toks
            .get(idx.start..fig.token)
            .unwrap_or(&[])
            .iter()
            .filter(|t| is_plain_quantity(t) && !looks_like_year(t, prose.text) && t.unit == y.unit)
            .collect();
        if starts.len() != 1 {
            continue;
        }
        let x = starts[0];
        let before = prose.text.get(s.start..x.span.start).unwrap_or("");
        if !last_word(before).is_some_and(|w| lexicon().chain_start_words.contains(w.as_str())) {
            continue;
        }
        let sign = if fig.dir == Dir::Up { 1.0 } else { -1.0 };
        let (xi, di) = (x.interval(), d.interval());
        let additive = |xi: Iv, di: Iv| -> Iv {
            if sign > 0.0 {
                (xi.0 + di.0, xi.1 + di.1)
            } else {
                (xi.0 - di.1, xi.1 - di.0)
            }
        };
        let mut readings: Vec<(f64, Iv)> = Vec::new();
        let same =
            d.unit == y.unit || (d.unit == NumUnit::PercentagePoints && y.unit == NumUnit::Percent);
        if same {
            readings.push((x.value + sign * d.value, additive(xi, di)));
        }
        if d.unit == NumUnit::Percent && x.value > 0.0 {
            if let Some(r) = corners2(xi, di, |a, p| a * (1.0 + sign * p / 100.0)) {
                readings.push((x.value * (1.0 + sign * d.value / 100.0), r));
            }
        }
        if readings.is_empty() {
            continue;
        }
        let dy = decimals_for(y.resolution, y.unit, y.value);
        let op = if sign > 0.0 { "+" } else { "−" };
        if let Some(&(computed, range)) = readings.iter().find(|(_, r)| overlaps(*r, y.interval()))
        {
            let lhs = format!("{} {op} {}", written(prose, x), written(prose, d));
            out.passed.push(passed(
                ID,
                prose.lines_of(&[x, d, y]),
                agrees(&lhs, &shown_beside(prose, y, computed), &written(prose, y)),
                y.value,
                computed,
                range,
            ));
            continue;
        }
        let (computed, range) = readings[0];
        let message = format!(
            "Tallene går ikke opp: {} {op} {} gir {}, ikke {} som oppgitt.",
            fmt_unit(x.value, x.unit, decimals_for(x.resolution, x.unit, x.value)),
            fmt_unit(d.value, d.unit, decimals_for(d.resolution, d.unit, d.value)),
            fmt_unit(computed, y.unit, dy),
            fmt_unit(y.value, y.unit, dy),
        );
        out.findings.push(arithmetic(
            ID,
            Severity::Error,
            prose.lines_of(&[x, d, y]),
            message,
            y.value,
            computed,
            range,
        ));
    }
}

/// "utgjør N % av X (Y)".
fn shares(prose: &Prose, idx: std::ops::Range<usize>, out: &mut Outcome) {
    let toks = &prose.tokens;
    for i in idx.clone() {
        let (Some(n), Some(x), Some(y)) = (toks.get(i), toks.get(i + 1), toks.get(i + 2)) else {
            continue;
        };
        if i + 2 >= idx.end || n.unit != NumUnit::Percent || x.unit != y.unit {
            continue;
        }
        if ![n, x, y].iter().all(|t| is_plain_quantity(t)) || looks_like_year(x, prose.text) {
            continue;
        }
        let before = prose.text.get(..n.span.start).unwrap_or("");
        if !last_word(before).is_some_and(|w| lexicon().chain_share_words.contains(w.as_str())) {
            continue;
        }
        let nx = words(between(prose, n, x));
        if nx != ["av"] && nx != ["av", "totalt"] {
            continue;
        }
        if between(prose, x, y).trim() != "(" {
            continue;
        }
        if !prose
            .text
            .get(y.span.end..)
            .unwrap_or("")
            .trim_start()
            .starts_with(')')
        {
            continue;
        }
        let Some(range) = corners2(n.interval(), x.interval(), |p, a| p / 100.0 * a) else {
            continue;
        };
        let computed = n.value / 100.0 * x.value;
        let dy = decimals_for(y.resolution, y.unit, y.value);
        if overlaps(range, y.interval()) {
            let lhs = format!("{} av {}", written(prose, n), written(prose, x));
            out.passed.push(passed(
                ID,
                prose.lines_of(&[n, x, y]),
                agrees(&lhs, &shown_beside(prose, y, computed), &written(prose, y)),
                y.value,
                computed,
                range,
            ));
            continue;
        }
        let message = format!(
            "Tallene går ikke opp: {} av {} er {}, ikke {} som oppgitt.",
            fmt_unit(n.value, n.unit, decimals_for(n.resolution, n.unit, n.value)),
            fmt_unit(x.value, x.unit, decimals_for(x.resolution, x.unit, x.value)),
            fmt_unit(computed, y.unit, dy),
            fmt_unit(y.value, y.unit, dy),
        );
        out.findings.push(arithmetic(
            ID,
            Severity::Error,
            prose.lines_of(&[n, x, y]),
            message,
            y.value,
            computed,
            range,
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str) -> Vec<Finding> {
        super::super::prose::run_on(text, check)
    }

    #[test]
    fn start_change_end() {
        // The sample's sentence (001 line 4259-4261).
        assert!(run("Helse Midt-Norge RHF hadde ved starten av året en driftskredittramme på 3 518 mill. kroner som var lagt til grunn økt med 870 mill. kroner til 4 388 mill. kroner ved utgangen av 2024.").is_empty());
        let f = run(
            "Rammen på 3 518 mill. kroner ble økt med 800 mill. kroner til 4 388 mill. kroner.",
        );
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].stated, Some(4.388e9));
        assert!((f[0].computed.unwrap() - 4.318e9).abs() < 1.0);
        assert!(
            f[0].message.contains("4 318 mill. kroner"),
            "{}",
            f[0].message
        );
        // nynorsk, reduction
        assert!(run("Ramma var 4 388 mill. kroner og vart redusert med 115 mill. kroner til 4 273 mill. kroner.").is_empty());
        assert_eq!(run("Ramma var 4 388 mill. kroner og vart redusert med 115 mill. kroner til 4 173 mill. kroner.").len(), 1);
        // change in % of a count
        assert!(run("Talet var 200 og auka med 10 % til 220.").is_empty());
        assert_eq!(run("Talet var 200 og auka med 10 % til 240.").len(), 1);
    }

    #[test]
    fn no_start_value_nothing_to_check() {
        assert!(run("I foretaksmøtet i juni ble driftskredittrammen redusert med 115 mill. kroner til 4 273 mill. kroner.").is_empty());
        // Two candidates for the start: not clear which.
        assert!(run("Rammen var 500 mill. kroner og posten var 100 mill. kroner, som ble økt med 20 mill. kroner til 130 mill. kroner.").is_empty());
    }

    #[test]
    fn share_of_total() {
        assert!(run("Innleie utgjør 3 % av 12 000 mill. kroner (360 mill. kroner).").is_empty());
        assert_eq!(
            run("Innleie utgjer 5 % av 12 000 mill. kroner (360 mill. kroner).").len(),
            1
        );
    }
}
