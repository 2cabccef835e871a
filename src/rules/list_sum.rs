//! **list_sum**: a total and the parts it is split into must add up.
//!
//! Finds "totalt 4 566 000 kroner, fordelt på 2 200 000 … og 2 366 000 …" (a complete split:
//! the parts must equal the total) and "bevilget 2000 mill. kroner … Av dette er 400 mill. kroner
//! til … og 1600 mill. kroner til …" / "hvorav …" (the parts must equal the total when the text
//! says "av dette er", and may never exceed it). Every figure stands for its rounding interval;
//! only what no rounding can explain is flagged. Lists that say "blant annet" / "bl.a." are
//! partial and only checked for exceeding the total.
//!
//! Why: a split that does not add up means the total or one of the parts is wrong — the classic
//! error when a budget line is changed and the prose is not.
//!
//! Example: "Rammen er totalt 4 566 000 kroner, fordelt på 2 200 000 kroner til A og 2 266 000
//! kroner til B." → the parts give 4 466 000: flagged. "… 2 366 000 kroner til B." → fine.

use super::prose::{
    agrees, arithmetic, decimals_for, fmt_unit, is_plain_quantity, looks_like_year, passed,
    shown_beside, written, Prose,
};
use super::Outcome;
use crate::document::lexicon;
use crate::extract::numbers::{NumUnit, NumberToken};
use crate::model::{Finding, Severity};
use crate::text::find_bytes;
use crate::text::{overlaps, Iv};

/// This rule's id in findings (`Finding::rule`), `--rules` and `--disable`.
pub const ID: &str = "list_sum";

/// Every split word (data/list_sum_complete.txt, list_sum_parts.txt) contains one of these; most
/// sentences contain none, and are skipped before the words are looked up (a test keeps the data
/// in line).
const GATE: [&str; 3] = ["fordel", "av d", "rav"];

/// Whether `total` lies within the range of its parts (so it is an average, not a sum).
pub(crate) fn between_parts(total: &NumberToken, parts: &[&NumberToken]) -> bool {
    let lo = parts.iter().map(|t| t.value).fold(f64::INFINITY, f64::min);
    let hi = parts
        .iter()
        .map(|t| t.value)
        .fold(f64::NEG_INFINITY, f64::max);
    parts.len() >= 2 && lo >= 0.0 && total.value >= lo && total.value <= hi
}

pub fn check(prose: &Prose) -> Vec<Finding> {
    outcome(prose).findings
}

/// Runs the check: the findings, and the totals a complete split was found to add up to.
pub fn outcome(prose: &Prose) -> Outcome {
    let mut out = Outcome::default();
    for (si, s) in prose.sentences.iter().enumerate() {
        let text = prose.slice(s.clone());
        if text.len() > 1500 {
            continue;
        }
        let f = prose.folded_slice(s.clone());
        if !GATE
            .iter()
            .any(|w| find_bytes(f.as_bytes(), w.as_bytes()).is_some())
        {
            continue;
        }
        // The split word and whether it promises a complete split.
        let lex = lexicon();
        let split = lex
            .split_complete
            .iter()
            .filter_map(|w| find_bytes(f.as_bytes(), w.as_bytes()).map(|p| (p, p + w.len(), true)))
            .chain(lex.split_parts.iter().filter_map(|w| {
                find_bytes(f.as_bytes(), w.as_bytes()).map(|p| {
                    (
                        p,
                        p + w.len(),
                        w.starts_with("av dette er") || w.starts_with("av dette var"),
                    )
                })
            }))
            .min_by_key(|x| x.0);
        let Some((at, after, complete)) = split else {
            continue;
        };
        let toks: Vec<&NumberToken> = prose.tokens[prose.tokens_in(s)]
            .iter()
            .filter(|t| is_plain_quantity(t) && !looks_like_year(t, prose.text))
            .collect();
        let abs_at = s.start + at;
        let abs_after = s.start + after;
        // The total: the last figure before the split word in this sentence, or — for a
        // sentence opening with "Av dette …" — the last figure of the previous sentence.
        let total = toks
            .iter()
            .rev()
            .find(|t| t.span.end <= abs_at)
            .copied()
            .or_else(|| {
                if at > 3 || si == 0 {
                    return None;
                }
                let prev = &prose.sentences[si - 1];
                prose.tokens[prose.tokens_in(prev)].iter().rev().find(|t| {
                    is_plain_quantity(t)
                        && !looks_like_year(t, prose.text)
                        && t.unit != NumUnit::Percent
                })
            });
        let Some(total) = total else { continue };
        if total.unit == NumUnit::Percent || total.unit == NumUnit::Per100k {
            continue;
        }
        // Across sentences ("… 2000 mill. kroner. Av dette er …") only for money, where the
        // total is unambiguous.
        if total.span.start < s.start && total.unit != NumUnit::Nok {
            continue;
        }
        // Parts are list items: not sides of a ratio ("57/64 = 89 %"), each joined to the next
        // by "," or "og".
        let in_ratio = |t: &NumberToken| {
            let before = prose.text.get(..t.span.start).unwrap_or("").trim_end();
            let after = prose.text.get(t.span.end..).unwrap_or("").trim_start();
            before.ends_with(['/', '=']) || after.starts_with(['/', '='])
        };
        let parts: Vec<&NumberToken> = toks
            .iter()
            .filter(|t| t.span.start >= abs_after && t.unit == total.unit && !in_ratio(t))
            .copied()
            .collect();
        if parts.len() < 2 {
            continue;
        }
        let listed = parts.windows(2).all(|w| {
            let gap = prose.folded_slice(w[0].span.end..w[1].span.start);
            gap.contains(',')
                || gap
                    .split_whitespace()
                    .any(|x| x == "og" || x == "and" || x == "samt")
        });
        if !listed {
            continue;
        }
        // Waiting times and other averages are not additive: "62 dager, fordelt på 48 dager for
        // … og 85 dager for …" is an average split by group.
        if matches!(total.unit, NumUnit::Days | NumUnit::Weeks | NumUnit::Months) {
            continue;
        }
        // A total that lies between its smallest and largest part is an average of them, not
        // their sum.
        if between_parts(total, &parts) {
            continue;
        }
        let partial = lex.split_partial.iter().any(|w| f.contains(w.as_str()));
        let sum: Iv = parts.iter().fold((0.0, 0.0), |acc, t| {
            let (lo, hi) = t.interval();
            (acc.0 + lo, acc.1 + hi)
        });
        let stated = total.interval();
        let exceeds = sum.0 > stated.1 + 1e-9 * stated.1.abs().max(1.0);
        let differs = complete && !partial && !overlaps(sum, stated);
        let computed: f64 = parts.iter().map(|t| t.value).sum();
        let d = decimals_for(total.resolution, total.unit, total.value);
        let parts_text: Vec<String> = parts.iter().map(|t| fmt_unit(t.value, t.unit, d)).collect();
        let mut involved = parts.clone();
        involved.push(total);
        if !(exceeds || differs) {
            // Only a split that promises every part is checked for its sum; a partial one
            // ("blant annet") only for not exceeding its total, which is no sum found right.
            if complete && !partial {
                let terms: Vec<String> = parts.iter().map(|t| written(prose, t)).collect();
                let message = agrees(
                    &format!("Summen {}", terms.join(" + ")),
                    &shown_beside(prose, total, computed),
                    &written(prose, total),
                );
                out.passed.push(passed(
                    ID,
                    prose.lines_of(&involved),
                    message,
                    total.value,
                    computed,
                    sum,
                ));
            }
            continue;
        }
        let message = if exceeds && !differs {
            format!(
                "Delene ({}) blir til sammen {}, mer enn totalen {} som oppgis.",
                parts_text.join(" + "),
                fmt_unit(computed, total.unit, d),
                fmt_unit(total.value, total.unit, d)
            )
        } else {
            format!(
                "Totalen er oppgitt til {}, men delene ({}) blir til sammen {}.",
                fmt_unit(total.value, total.unit, d),
                parts_text.join(" + "),
                fmt_unit(computed, total.unit, d)
            )
        };
        out.findings.push(arithmetic(
            ID,
            Severity::Error,
            prose.lines_of(&involved),
            message,
            total.value,
            computed,
            sum,
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::prose::run_on;
    use super::*;

    #[test]
    fn every_split_word_passes_the_gate() {
        let lex = lexicon();
        for w in lex.split_complete.iter().chain(&lex.split_parts) {
            assert!(GATE.iter().any(|g| w.contains(g)), "{w}");
        }
        // Of two words found at the same place the first wins: the longer before its start.
        let at = |w: &str| lex.split_parts.iter().position(|p| p == w);
        assert!(matches!((at("av dette er"), at("av dette")), (Some(a), Some(b)) if a < b));
        assert!(lex.split_partial.iter().any(|w| w == "t.d."));
    }

    #[test]
    fn an_average_split_by_group_is_not_a_sum() {
        assert!(run_on("Ventetida var 62 dagar, fordelt på 48 dagar for prioriterte og 85 dagar for dei andre.", check).is_empty());
        assert!(run_on(
            "Delen var 7,4 prosent, fordelt på 6,1 prosent for kvinner og 8,0 prosent for menn.",
            check
        )
        .is_empty());
    }

    #[test]
    fn complete_split_that_adds_up_is_fine() {
        assert!(run_on("Rammen er totalt 12 mill. kroner, fordelt på 5 mill. kroner til A og 7 mill. kroner til B.", check).is_empty());
        assert!(run_on("Det er bevilget 2000 mill. kroner. Av dette er 400 mill. kroner til ettårige tiltak og 1600 mill. kroner til varige tiltak.", check).is_empty());
    }

    #[test]
    fn complete_split_that_does_not_add_up_is_flagged() {
        let f = run_on("Rammen er totalt 4 566 000 kroner, fordelt på 2 200 000 kroner til A og 2 266 000 kroner til B.", check);
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!(f[0].stated, Some(4_566_000.0));
        assert_eq!(f[0].computed, Some(4_466_000.0));
        // Whole millions may stand for anything within half a million: 5 + 6 can be 12.
        assert!(run_on("Rammen er totalt 12 mill. kroner, fordelt på 5 mill. kroner til A og 6 mill. kroner til B.", check).is_empty());
    }

    #[test]
    fn nynorsk_split() {
        let f = run_on("Tilskotet er på 900 000 kroner, fordelt på 400 000 kroner til Helse Førde og 400 000 kroner til Helse Bergen.", check);
        assert_eq!(f.len(), 1);
        assert!(run_on("Tilskotet er på 900 000 kroner, fordelt på 400 000 kroner til Helse Førde og 500 000 kroner til Helse Bergen.", check).is_empty());
    }

    #[test]
    fn partial_lists_only_fail_when_they_exceed_the_total() {
        assert!(run_on("Det er totalt 50 stillinger, hvorav blant annet 20 stillinger til Ahus og 10 stillinger til OUS.", check).is_empty());
        let f = run_on("Det ble brukt 10,0 mill. kroner, hvorav 6,0 mill. kroner til lønn og 5,0 mill. kroner til utstyr.", check);
        assert_eq!(f.len(), 1, "{f:#?}");
    }

    #[test]
    fn rounding_explains_small_differences() {
        // 1,2 + 2,3 = 3,5 against 3,6: the parts may be up to 3,6 with rounding.
        assert!(run_on(
            "Totalt 3,6 mill. kroner, fordelt på 1,2 mill. kroner og 2,3 mill. kroner.",
            check
        )
        .is_empty());
    }
}
